package org.luvhive.core.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * One token bucket's shape: {@code capacity} tokens at most, refilled greedily at
 * {@code tokens} per {@code period}. Immutable.
 *
 * @param capacity the burst: how many may pass at once after a quiet spell
 * @param tokens   tokens added per period
 * @param period   the refill period
 */
public record Limit(long capacity, long tokens, Duration period) {

    public Limit {
        if (capacity < 1 || tokens < 1) {
            throw new IllegalArgumentException("a limit needs capacity and tokens of at least 1");
        }
        Objects.requireNonNull(period, "period");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a limit's period must be positive");
        }
    }

    /**
     * {@code perSecond} per second (fractions allowed: 0.5/s is 1 per 2 s), with a burst.
     * The rate is kept exact to the millitoken.
     */
    public static Limit perSecond(double perSecond, long burst) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        // tokens per millisecond = millitokens / 1,000,000, as a reduced fraction
        long millitokens = Math.max(1, Math.round(perSecond * 1000));
        long divisor = gcd(millitokens, 1_000_000);
        return new Limit(Math.max(1, burst), millitokens / divisor, Duration.ofMillis(1_000_000 / divisor));
    }

    public static Limit perMinute(long perMinute, long burst) {
        return new Limit(Math.max(1, burst), perMinute, Duration.ofMinutes(1));
    }

    /** The sustained rate, per second. */
    public double ratePerSecond() {
        return tokens * 1_000_000_000.0 / period.toNanos();
    }

    /** A short stable tag for this shape, so a changed limit gets fresh buckets. */
    public String fingerprint() {
        return capacity + "-" + tokens + "-" + period.toMillis();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
