package org.luvhive.core.ops.alerts.internal;

import java.time.Duration;
import java.time.Instant;
import org.luvhive.core.ops.alerts.AlertRule;
import org.luvhive.core.ops.alerts.AlertState;

/**
 * One alert's state machine: OK until its figure has been above the threshold for the
 * rule's hold time, FIRING until the figure is at or below it again. An unknown figure
 * (NaN) counts as not above. Not thread-safe (one evaluator thread); the gauges read the
 * volatile fields.
 */
public final class AlertTracker {

    /** What an update changed. */
    public enum Change { NONE, FIRED, CLEARED }

    private final AlertRule rule;
    private volatile AlertState state = AlertState.OK;
    private volatile double value = Double.NaN;
    private Instant since;
    private Instant breachedSince;

    public AlertTracker(AlertRule rule, Instant start) {
        this.rule = rule;
        this.since = start;
    }

    public Change update(double figure, Instant now) {
        value = figure;
        boolean breached = !Double.isNaN(figure) && figure > rule.threshold();
        if (!breached) {
            breachedSince = null;
            if (state == AlertState.FIRING) {
                state = AlertState.OK;
                since = now;
                return Change.CLEARED;
            }
            return Change.NONE;
        }
        if (breachedSince == null) {
            breachedSince = now;
        }
        if (state == AlertState.OK && Duration.between(breachedSince, now).compareTo(rule.holdFor()) >= 0) {
            state = AlertState.FIRING;
            since = now;
            return Change.FIRED;
        }
        return Change.NONE;
    }

    public AlertRule rule() {
        return rule;
    }

    public AlertState state() {
        return state;
    }

    public double value() {
        return value;
    }

    public Instant since() {
        return since;
    }

    /** 1 when firing, for the {@code luvhive.alert.firing} gauge. */
    public double firing() {
        return state == AlertState.FIRING ? 1 : 0;
    }
}
