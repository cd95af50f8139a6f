package org.luvhive.bot.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time plus an offset the test moves forward: days pass at once for expiry, while
 * everything in the runner that waits on the clock (send buckets refilling, retries,
 * back-offs) still sees time flow. A frozen {@code ManualClock} would stall the runner's
 * rate limiters, whose buckets only refill as its clock moves. Thread-safe.
 */
final class ShiftedClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves the time forward by {@code duration}, for good. */
    synchronized void jump(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset = offset.plus(duration);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
