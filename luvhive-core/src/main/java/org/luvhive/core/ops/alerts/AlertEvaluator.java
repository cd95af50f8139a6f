package org.luvhive.core.ops.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.luvhive.core.ops.alerts.internal.AlertTracker;
import org.luvhive.core.ops.alerts.internal.Figures;
import org.luvhive.core.ops.alerts.internal.MeterReader;
import org.luvhive.core.ops.alerts.internal.SampleWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the runbook's alerts inside the bot: each {@link #run()} samples the meter
 * registry (counters as totals, the DB query histogram, the queue depth gauge, heap and
 * CPU), keeps the samples of the longest window in a ring, computes every alert's figure
 * over its window, moves each alert between OK and FIRING (logging the change), shows
 * the outcome as gauges ({@value #VALUE}, {@value #FIRING}, tag {@code alert}) and
 * upserts it into {@code alert_state} for {@code luvhive status}. Time comes from the
 * injected clock only, so tests move a manual clock. Schedule {@code run} every few
 * seconds on one thread; {@link #current()} may be read from any thread.
 *
 * <p>The DB p95 needs the {@code luvhive.db.query} histogram's buckets to be cumulative
 * since start, as the Prometheus registry keeps them; a registry without percentile
 * histograms (SimpleMeterRegistry) gives no DB p95 figure (shown as no data).
 */
public final class AlertEvaluator implements Runnable {

    public static final String VALUE = "luvhive.alert.value";
    public static final String FIRING = "luvhive.alert.firing";
    /** Instances that stopped reporting this long ago are dropped from {@code alert_state}. */
    public static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

    private final MeterReader reader;
    private final AlertStore store;
    private final Clock clock;
    private final String instance;
    private final SampleWindow window;
    private final List<AlertTracker> trackers = new ArrayList<>();
    private volatile List<AlertStatus> current = List.of();
    private boolean storeFailing;

    /**
     * @param every how often {@link #run()} is scheduled (sizes the sample ring)
     */
    public AlertEvaluator(MeterRegistry registry, ProcessReadings process, AlertStore store, Clock clock,
                          String instance, AlertRules rules, Duration every) {
        this.reader = new MeterReader(registry, process);
        this.store = store;
        this.clock = clock;
        this.instance = instance;
        Duration keep = rules.longestWindow();
        int capacity = (int) Math.min(10_000, keep.toMillis() / Math.max(1, every.toMillis()) * 2 + 8);
        this.window = new SampleWindow(keep, capacity);
        Instant start = clock.instant();
        for (AlertRule rule : rules.rules()) {
            AlertTracker tracker = new AlertTracker(rule, start);
            trackers.add(tracker);
            Gauge.builder(VALUE, tracker, AlertTracker::value).tag("alert", rule.alert().label())
                    .description("The alert's figure over its window (ratio, ms, per minute or rows)")
                    .strongReference(true).register(registry);
            Gauge.builder(FIRING, tracker, AlertTracker::firing).tag("alert", rule.alert().label())
                    .description("1 while the alert fires").strongReference(true).register(registry);
        }
    }

    /** Samples, evaluates, stores. A database failure is logged once per outage; evaluation goes on. */
    @Override
    public void run() {
        List<AlertStatus> statuses = evaluate();
        try {
            store.save(statuses, clock.instant().minus(FORGET_AFTER));
            if (storeFailing) {
                LOG.info("Alert states are stored again");
                storeFailing = false;
            }
        } catch (RuntimeException failure) {
            if (!storeFailing) {
                LOG.warn("Cannot store alert states ({}); evaluating on, retrying every run", failure.getMessage());
                storeFailing = true;
            }
        }
    }

    /** Samples and evaluates without storing; what {@link #run()} does first. */
    public List<AlertStatus> evaluate() {
        Instant now = clock.instant();
        window.add(reader.sample(now));
        List<AlertStatus> statuses = new ArrayList<>(trackers.size());
        for (AlertTracker tracker : trackers) {
            AlertRule rule = tracker.rule();
            double figure = Figures.of(rule, window);
            switch (tracker.update(figure, now)) {
                case FIRED -> LOG.warn("Alert FIRING: {} is {} ({} {})", rule.alert().label(),
                        rule.alert().unit().format(figure), rule.alert().title(), rule.describe());
                case CLEARED -> LOG.info("Alert cleared: {} is {} (fires {})", rule.alert().label(),
                        Double.isNaN(figure) ? "unknown" : rule.alert().unit().format(figure), rule.describe());
                case NONE -> { }
            }
            statuses.add(new AlertStatus(instance, rule.alert().label(),
                    Double.isNaN(figure) ? OptionalDouble.empty() : OptionalDouble.of(figure), rule.threshold(),
                    tracker.state(), tracker.since(), now));
        }
        current = List.copyOf(statuses);
        return current;
    }

    /** The latest evaluation (empty before the first run). */
    public List<AlertStatus> current() {
        return current;
    }

    public String instance() {
        return instance;
    }
}
