package org.luvhive.core.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.Maintenance;
import org.luvhive.core.ops.alerts.AlertEvaluator;
import org.luvhive.core.ops.alerts.AlertRules;
import org.luvhive.core.ops.alerts.AlertStore;
import org.luvhive.core.ops.alerts.ProcessReadings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running bot needs to be seen into, as one object for the composition root:
 * JVM and process meters, and the runbook alerts evaluated over their windows (stored for
 * {@code luvhive status}). It only reads the other parts of the bot (their meters) and
 * writes only its own alert rows. Build it once the database exists; schedule
 * {@link #maintenance()}; {@link #start()} once the bot runs; {@link #close()} before the
 * database closes. Thread-safe.
 */
public final class Observability implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);

    /**
     * @param rules         the alert rules (the runbook's by default)
     * @param evaluateEvery how often alerts are evaluated and stored
     */
    public record Settings(AlertRules rules, Duration evaluateEvery) {

        public static Settings defaults() {
            return new Settings(AlertRules.runbook(), Duration.ofSeconds(5));
        }
    }

    private final MeterRegistry registry;
    private final Settings settings;
    private final AlertStore store;
    private final AlertEvaluator evaluator;
    private JvmGcMetrics gcMetrics;

    public Observability(MeterRegistry registry, Jdbi jdbi, Clock clock, String instance, Settings settings) {
        this(registry, jdbi, clock, instance, settings, ProcessReadings.of(registry));
    }

    /** With another source of memory and CPU readings (tests). */
    public Observability(MeterRegistry registry, Jdbi jdbi, Clock clock, String instance, Settings settings,
                         ProcessReadings process) {
        this.registry = registry;
        this.settings = settings;
        this.store = new AlertStore(jdbi);
        this.evaluator = new AlertEvaluator(registry, process, store, clock, instance, settings.rules(),
                settings.evaluateEvery());
    }

    /** Binds JVM memory, GC, threads, class loading, CPU and uptime meters (once). */
    public synchronized void bindJvmMetrics() {
        if (gcMetrics != null) {
            return;
        }
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The job to schedule: alert evaluation, every few seconds. */
    public List<Maintenance> maintenance() {
        return List.of(new Maintenance("alerts", settings.evaluateEvery(), evaluator));
    }

    /** Takes the alert windows' first sample. */
    public void start() {
        evaluator.run();
    }

    public AlertEvaluator alerts() {
        return evaluator;
    }

    /** Removes this instance's alert rows (a clean stop is not "stale") and the GC listeners. */
    @Override
    public synchronized void close() {
        try {
            store.forget(evaluator.instance());
        } catch (RuntimeException failure) {
            LOG.warn("Could not remove this instance's alert states ({}); status shows them stale in a minute",
                    failure.getMessage());
        }
        if (gcMetrics != null) {
            gcMetrics.close();
            gcMetrics = null;
        }
    }
}
