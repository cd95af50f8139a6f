package org.luvhive.core.ops.alerts;

import java.util.Locale;
import java.util.Optional;

/**
 * The runbook's alerts, each with the unit its figure is measured in. The name is what
 * {@code alert_state}, {@code luvhive status --json}, the {@code alert} tag of the
 * {@code luvhive.alert.*} gauges and the Prometheus rules call it. Immutable.
 */
public enum Alert {
    ERROR_RATE("handler error rate", Unit.RATIO),
    DB_P95("DB query p95, or the oldest still running", Unit.MILLISECONDS),
    FLOODWAIT("FloodWaits per minute", Unit.PER_MINUTE),
    QUEUE_DEPTH("outbox queue depth", Unit.ROWS),
    MEMORY("heap used of max", Unit.RATIO),
    CPU("process CPU", Unit.RATIO),
    QUARANTINE("updates quarantined in the last hour", Unit.UPDATES);

    /** How a figure is read and shown. */
    public enum Unit {
        RATIO, MILLISECONDS, PER_MINUTE, ROWS, UPDATES;

        /** For people: {@code 1.4%}, {@code 212 ms}, {@code 6/min}, {@code 140 rows}, {@code 2 updates}. */
        public String format(double value) {
            return switch (this) {
                case RATIO -> trim(value * 100) + "%";
                case MILLISECONDS -> trim(value) + " ms";
                case PER_MINUTE -> trim(value) + "/min";
                case ROWS -> trim(value) + " rows";
                case UPDATES -> trim(value) + " updates";
            };
        }

        private static String trim(double value) {
            if (value == Math.rint(value) && Math.abs(value) < 1e12) {
                return Long.toString((long) value);
            }
            return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.0f" : "%.2f", value);
        }
    }

    private final String title;
    private final Unit unit;

    Alert(String title, Unit unit) {
        this.title = title;
        this.unit = unit;
    }

    /** {@code error_rate}, {@code db_p95}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String title() {
        return title;
    }

    public Unit unit() {
        return unit;
    }

    public static Optional<Alert> byLabel(String label) {
        for (Alert alert : values()) {
            if (alert.label().equals(label)) {
                return Optional.of(alert);
            }
        }
        return Optional.empty();
    }
}
