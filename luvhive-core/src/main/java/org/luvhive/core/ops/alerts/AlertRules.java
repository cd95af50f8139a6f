package org.luvhive.core.ops.alerts;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The set of rules an evaluator applies, one per {@link Alert}. {@link #runbook()} is
 * the runbook's: error rate over 1% (5 min), DB p95 over 200 ms (5 min), more than 5
 * FloodWaits a minute, queue depth over 100 for 60 s, heap over 85% and process CPU over
 * 80%, each for a minute (a single GC or burst does not page anyone), and any update
 * quarantined in the last hour (someone must look at it: {@code luvhive inbox quarantine}).
 * {@code ops/prometheus/alerts.yml} states the same rules. Immutable.
 */
public record AlertRules(List<AlertRule> rules) {

    public AlertRules {
        rules = List.copyOf(rules);
        Map<Alert, AlertRule> seen = new EnumMap<>(Alert.class);
        for (AlertRule rule : rules) {
            if (seen.put(rule.alert(), rule) != null) {
                throw new IllegalArgumentException("two rules for " + rule.alert().label());
            }
        }
    }

    public static AlertRules runbook() {
        return new AlertRules(List.of(
                new AlertRule(Alert.ERROR_RATE, 0.01, Duration.ofMinutes(5), Duration.ZERO),
                new AlertRule(Alert.DB_P95, 200, Duration.ofMinutes(5), Duration.ZERO),
                new AlertRule(Alert.FLOODWAIT, 5, Duration.ofMinutes(1), Duration.ZERO),
                new AlertRule(Alert.QUEUE_DEPTH, 100, Duration.ZERO, Duration.ofSeconds(60)),
                new AlertRule(Alert.MEMORY, 0.85, Duration.ZERO, Duration.ofSeconds(60)),
                new AlertRule(Alert.CPU, 0.80, Duration.ZERO, Duration.ofSeconds(60)),
                new AlertRule(Alert.QUARANTINE, 0, Duration.ZERO, Duration.ZERO)));
    }

    /** The longest window, which is how much history the evaluator keeps. */
    public Duration longestWindow() {
        return rules.stream().map(AlertRule::window).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
