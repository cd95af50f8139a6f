package org.luvhive.core.moderation.filter;

import java.time.Duration;
import java.util.List;

/**
 * How strikes escalate at one level: strikes older than {@code decay} no longer count;
 * the n-th live strike brings the step with the highest {@code strikes} not above n.
 * Immutable.
 *
 * @param decay how long a strike counts
 * @param steps in increasing order of strikes, the first at 1
 */
public record StrikeLadder(Duration decay, List<Step> steps) {

    /**
     * One rung: from this many live strikes on, this penalty.
     *
     * @param strikes  the number of live strikes that reaches it (1 or more)
     * @param penalty  warn, mute or ban
     * @param duration how long a mute lasts (zero for warn and ban: a ban waits for an admin)
     */
    public record Step(int strikes, Penalty penalty, Duration duration) {

        public Step {
            if (strikes < 1 || penalty == null || duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("a step needs strikes >= 1, a penalty and a duration >= 0");
            }
            if (penalty == Penalty.MUTE && duration.isZero()) {
                throw new IllegalArgumentException("a mute step needs a duration");
            }
        }

        public static Step warn(int strikes) {
            return new Step(strikes, Penalty.WARN, Duration.ZERO);
        }

        public static Step mute(int strikes, Duration duration) {
            return new Step(strikes, Penalty.MUTE, duration);
        }

        public static Step ban(int strikes) {
            return new Step(strikes, Penalty.BAN, Duration.ZERO);
        }
    }

    public StrikeLadder {
        if (decay == null || decay.isNegative() || decay.isZero()) {
            throw new IllegalArgumentException("decay must be positive");
        }
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.get(0).strikes() != 1) {
            throw new IllegalArgumentException("the first step must be at 1 strike");
        }
        for (int index = 1; index < steps.size(); index++) {
            if (steps.get(index).strikes() <= steps.get(index - 1).strikes()) {
                throw new IllegalArgumentException("steps must be in increasing order of strikes");
            }
        }
    }

    /** The step a user with this many live strikes (1 or more) has reached. */
    public Step stepFor(int liveStrikes) {
        Step reached = steps.get(0);
        for (Step step : steps) {
            if (step.strikes() <= liveStrikes) {
                reached = step;
            }
        }
        return reached;
    }
}
