package org.luvhive.core.ops.alerts.internal;

import java.time.Duration;
import org.luvhive.core.ops.alerts.AlertRule;

/** Computes each alert's figure from the sample window. Stateless. */
public final class Figures {

    private Figures() {
    }

    /** The figure of {@code rule} at the latest sample; NaN when there is no data for it. */
    public static double of(AlertRule rule, SampleWindow window) {
        Sample latest = window.latest();
        Sample baseline = window.baseline(rule.window());
        return switch (rule.alert()) {
            case ERROR_RATE -> errorRate(latest, baseline);
            case DB_P95 -> dbMillis(latest.db().since(baseline.db()).quantileMillis(0.95), latest.oldestRunningMillis());
            case FLOODWAIT -> perMinute(latest.floodWaits() - baseline.floodWaits(), rule.window());
            case QUEUE_DEPTH -> latest.queueDepth();
            case MEMORY -> latest.heapRatio();
            case CPU -> latest.cpu();
            case QUARANTINE -> latest.quarantinedLastHour();
        };
    }

    /**
     * The p95 of the statements that finished in the window, or the age of the oldest one
     * still running if that is more: statements blocked by a lock finish late or never,
     * and would otherwise keep the figure low exactly while the database is stuck.
     */
    static double dbMillis(double finishedP95, double oldestRunning) {
        if (Double.isNaN(finishedP95)) {
            return Double.isNaN(oldestRunning) || oldestRunning == 0 ? finishedP95 : oldestRunning;
        }
        return Double.isNaN(oldestRunning) ? finishedP95 : Math.max(finishedP95, oldestRunning);
    }

    /** Failed over (handled + failed) in the window; zero without traffic. */
    static double errorRate(Sample latest, Sample baseline) {
        double failed = Math.max(0, latest.failed() - baseline.failed());
        double handled = Math.max(0, latest.handled() - baseline.handled());
        return failed + handled == 0 ? 0 : failed / (failed + handled);
    }

    /** A count over the window as a rate per minute (the count itself for a one-minute window). */
    static double perMinute(double count, Duration window) {
        double positive = Math.max(0, count);
        return window.isZero() ? positive : positive * 60_000.0 / window.toMillis();
    }
}
