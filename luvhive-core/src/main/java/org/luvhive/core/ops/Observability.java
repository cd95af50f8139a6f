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
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.limits.LocalRateLimiter;
import org.luvhive.core.ops.alerts.AlertEvaluator;
import org.luvhive.core.ops.alerts.AlertRules;
import org.luvhive.core.ops.alerts.AlertStore;
import org.luvhive.core.ops.alerts.ProcessReadings;
import org.luvhive.core.ops.alerts.internal.JvmReadings;
import org.luvhive.core.ops.caches.ActivityCleanup;
import org.luvhive.core.ops.caches.CacheRegistry;
import org.luvhive.core.ops.caches.CacheSettings;
import org.luvhive.core.update.BotFeatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running bot needs to be seen into, as one object for the composition root:
 * JVM and process meters, the runbook alerts evaluated over their windows (stored for
 * {@code luvhive status}), the bounded caches that {@code luvhive cache clear} empties,
 * and the 24-hour cleanup of per-user activity. Build it once the database and the ops
 * settings listener exist; schedule {@link #maintenance()}; {@link #start()} after the
 * listener started; {@link #close()} before the database closes. Thread-safe.
 */
public final class Observability implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);

    /**
     * @param rules           the alert rules (the runbook's by default)
     * @param evaluateEvery   how often alerts are evaluated and stored
     * @param caches          cache bounds ({@code CACHE_MAX_ENTRIES})
     * @param activityKeep    how long per-user activity is kept (24 h)
     * @param cleanupEvery    how often that cleanup runs
     */
    public record Settings(AlertRules rules, Duration evaluateEvery, CacheSettings caches, Duration activityKeep,
                           Duration cleanupEvery) {

        public static Settings defaults() {
            return new Settings(AlertRules.runbook(), Duration.ofSeconds(5), CacheSettings.defaults(),
                    ActivityCleanup.KEEP, Duration.ofMinutes(15));
        }

        /** The defaults with the configuration's feature keys applied ({@code CACHE_MAX_ENTRIES}). */
        public static Settings from(Map<String, String> features) {
            Settings defaults = defaults();
            return new Settings(defaults.rules, defaults.evaluateEvery, CacheSettings.from(features),
                    defaults.activityKeep, defaults.cleanupEvery);
        }
    }

    private final MeterRegistry registry;
    private final OpsSettingsListener listener;
    private final Settings settings;
    private final AlertStore store;
    private final AlertEvaluator evaluator;
    private final CacheRegistry caches;
    private final ActivityCleanup cleanup;
    private JvmGcMetrics gcMetrics;

    public Observability(MeterRegistry registry, Jdbi jdbi, OpsSettingsListener listener, Clock clock, String instance,
                         Settings settings) {
        this(registry, jdbi, listener, clock, instance, settings, new JvmReadings(registry));
    }

    /** With another source of memory and CPU readings (tests). */
    public Observability(MeterRegistry registry, Jdbi jdbi, OpsSettingsListener listener, Clock clock, String instance,
                         Settings settings, ProcessReadings process) {
        this.registry = registry;
        this.listener = listener;
        this.settings = settings;
        this.store = new AlertStore(jdbi);
        this.evaluator = new AlertEvaluator(registry, process, store, clock, instance, settings.rules(),
                settings.evaluateEvery());
        this.caches = new CacheRegistry(registry, settings.caches());
        this.cleanup = new ActivityCleanup(jdbi, clock, registry, settings.activityKeep());
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

    /** Shows the per-chat send buckets' count ({@code luvhive.state.size{state=chat_rate_buckets}}); never cleared. */
    public void watchChatLimiter(LocalRateLimiter chatLimiter) {
        caches.watch("chat_rate_buckets", chatLimiter::size);
    }

    /** The jobs to schedule: alert evaluation (every few seconds) and the activity cleanup. */
    public List<BotFeatures.Maintenance> maintenance() {
        return List.of(
                new BotFeatures.Maintenance("alerts", settings.evaluateEvery(), evaluator),
                new BotFeatures.Maintenance("activity-cleanup", settings.cleanupEvery(), cleanup));
    }

    /** Follows {@code luvhive cache clear} and takes the alert windows' first sample. */
    public void start() {
        caches.follow(listener);
        evaluator.run();
    }

    public CacheRegistry caches() {
        return caches;
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
