package org.luvhive.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.luvhive.bot.maintenance.MaintenanceScheduler;
import org.luvhive.core.caches.CacheRegistry;
import org.luvhive.core.caches.CacheSettings;
import org.luvhive.core.db.QueryTimingSqlLogger;
import org.luvhive.core.delivery.OutboxSender;
import org.luvhive.core.delivery.OutboxStats;
import org.luvhive.core.ops.Observability;
import org.luvhive.core.ops.alerts.Alert;
import org.luvhive.core.pipeline.PipelineRetention;
import org.luvhive.core.update.InboundGate;
import org.luvhive.core.update.InboxProcessor;
import org.luvhive.core.update.InboxStats;
import org.luvhive.core.update.InboxStore;

/**
 * {@code ops/prometheus/alerts.yml} and {@code ops/grafana/luvhive.json} name only
 * series that the bot's Prometheus registry really renders (so a renamed meter breaks
 * this test, not the on-call's night), and the rules cover the runbook alerts, one rule each.
 * (promtool checks the PromQL itself: {@code promtool test rules ops/prometheus/alerts_test.yml}.)
 */
class MonitoringFilesTest {

    private static final Path OPS = Path.of("..", "ops");
    private static final Pattern SERIES = Pattern.compile(
            "\\b((?:luvhive|jvm|process|system|cache)_[a-z_]+)\\b");

    @Test
    void everySeriesTheRulesAndTheDashboardReadIsRendered() throws Exception {
        Set<String> rendered = renderedSeries();
        String rules = Files.readString(OPS.resolve("prometheus/alerts.yml"));
        String dashboard = Files.readString(OPS.resolve("grafana/luvhive.json"));

        assertThat(seriesIn(rules)).isNotEmpty().allSatisfy(series -> assertThat(rendered).contains(series));
        assertThat(seriesIn(dashboard)).isNotEmpty().allSatisfy(series -> assertThat(rendered).contains(series));
    }

    @Test
    void theRulesAreTheRunbookAlerts() throws Exception {
        String rules = Files.readString(OPS.resolve("prometheus/alerts.yml"));
        Matcher labels = Pattern.compile("runbook_alert: ([a-z0-9_]+)").matcher(rules);
        Set<String> covered = new TreeSet<>();
        while (labels.find()) {
            covered.add(labels.group(1));
        }

        assertThat(covered).isEqualTo(Arrays.stream(Alert.values()).map(Alert::label).collect(Collectors.toSet()));
        assertThat(Pattern.compile("^\\s+for: ", Pattern.MULTILINE).matcher(rules).results().count())
                .isEqualTo(Alert.values().length);
    }

    @Test
    void theDashboardIsImportableJsonWithAThresholdPerAlertPanel() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(OPS.resolve("grafana/luvhive.json").toFile());

        assertThat(dashboard.get("uid").asText()).isEqualTo("luvhive-runbook");
        assertThat(dashboard.get("panels").size()).isGreaterThan(20);
        var thresholds = new TreeSet<Double>();
        for (JsonNode panel : dashboard.get("panels")) {
            JsonNode steps = panel.at("/fieldConfig/defaults/thresholds/steps");
            if (panel.get("title").asText().contains(">") && steps.size() == 2) {
                thresholds.add(steps.get(1).get("value").asDouble());
            }
        }
        assertThat(thresholds).contains(0.01, 0.2, 5.0, 100.0, 0.85, 0.8);
    }

    /** The registry as a running bot fills it: the same meter names, tags and binders. */
    private static Set<String> renderedSeries() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new QueryTimingSqlLogger(registry);
        Observability observability = new Observability(registry, null, Clock.systemUTC(), "bot-test",
                Observability.Settings.defaults());
        CacheRegistry caches = new CacheRegistry(registry, CacheSettings.defaults());
        new PipelineRetention(null, null, Clock.systemUTC(), registry, PipelineRetention.Periods.defaults());
        observability.bindJvmMetrics();
        // what JvmGcMetrics records at the first GC (which may not have happened yet in this JVM)
        Timer.builder("jvm.gc.pause").tag("gc", "G1 Young Generation").tag("action", "end of minor GC")
                .tag("cause", "G1 Evacuation Pause").register(registry).record(Duration.ofMillis(5));
        caches.create("bans", Duration.ofSeconds(5));
        caches.watch("chat_rate_buckets", () -> 0);
        // every other meter by the constant its production class registers it with
        Counter.builder(InboxStore.RECEIVED).tag("kind", "message").register(registry).increment();
        Counter.builder(InboxProcessor.HANDLED).tag("kind", "message").tag("outcome", "handled").register(registry)
                .increment();
        Counter.builder(InboxProcessor.FAILED).tag("outcome", "retry").register(registry).increment();
        Counter.builder(InboundGate.LIMITED).tag("reason", "rate").register(registry).increment();
        Counter.builder(OutboxSender.FLOOD_WAITS).tag("scope", "chat").tag("method", "sendMessage")
                .register(registry).increment();
        Counter.builder(PipelineRetention.DELETED).tag("what", "inbox").register(registry).increment();
        Counter.builder(MaintenanceScheduler.RUNS).tag("job", "alerts").tag("outcome", "error").register(registry)
                .increment();
        Timer.builder(OutboxSender.SEND_TIME).tag("method", "sendMessage").tag("outcome", "sent").register(registry)
                .record(Duration.ofMillis(40));
        Timer.builder(InboxProcessor.HANDLER_TIME).tag("kind", "message").register(registry)
                .record(Duration.ofMillis(3));
        for (String gauge : new String[] {OutboxStats.DEPTH, OutboxStats.PARKED, InboxStats.WAITING,
                InboxStats.QUARANTINED_LAST_HOUR}) {
            Gauge.builder(gauge, () -> 1).register(registry);
        }
        Gauge.builder(OutboxStats.OLDEST_AGE, () -> 1).baseUnit("seconds").register(registry);
        registry.get(QueryTimingSqlLogger.METER).tag("outcome", "success").timer().record(Duration.ofMillis(2));
        Set<String> names = new TreeSet<>();
        for (String line : registry.scrape().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        observability.close();
        return names;
    }

    private static Set<String> seriesIn(String text) {
        Set<String> series = new TreeSet<>();
        Matcher matcher = SERIES.matcher(text);
        while (matcher.find()) {
            series.add(matcher.group(1));
        }
        return series;
    }
}
