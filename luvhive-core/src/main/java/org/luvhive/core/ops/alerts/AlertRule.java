package org.luvhive.core.ops.alerts;

import java.time.Duration;
import java.util.Objects;

/**
 * When an alert fires: its figure above {@code threshold}, the figure taken over
 * {@code window} (zero: the latest reading), and the condition held without a break for
 * {@code holdFor} (Prometheus's {@code for:}; zero fires at the first evaluation that
 * sees it). Immutable.
 */
public record AlertRule(Alert alert, double threshold, Duration window, Duration holdFor) {

    public AlertRule {
        Objects.requireNonNull(alert, "alert");
        if (window.isNegative() || holdFor.isNegative()) {
            throw new IllegalArgumentException(alert.label() + ": window and hold time cannot be negative");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException(alert.label() + ": threshold must be a number");
        }
    }

    /** For people: "> 1% over 5m", "> 100 rows for 1m". */
    public String describe() {
        StringBuilder text = new StringBuilder("> ").append(alert.unit().format(threshold));
        if (!window.isZero()) {
            text.append(" over ").append(compact(window));
        }
        if (!holdFor.isZero()) {
            text.append(" for ").append(compact(holdFor));
        }
        return text.toString();
    }

    private static String compact(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
