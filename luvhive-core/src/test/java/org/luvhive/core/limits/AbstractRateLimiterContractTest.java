package org.luvhive.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.luvhive.core.testing.ManualClock;

/**
 * What every {@link RateLimiter} promises, run against each implementation with a manual
 * clock (no sleeping).
 */
abstract class AbstractRateLimiterContractTest {

    protected final ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");

    /** A limiter reading {@link #clock}, with buckets of its own (no state shared with other tests). */
    protected abstract RateLimiter limiter();

    private final String key = getClass().getSimpleName() + "-" + System.nanoTime();

    @Test
    void grantsTheBurstThenRefusesWithTheWait() {
        RateLimiter limiter = limiter();
        Limit limit = Limit.perSecond(2, 3);

        assertThat(limiter.tryAcquire(key, limit)).isZero();
        assertThat(limiter.tryAcquire(key, limit)).isZero();
        assertThat(limiter.tryAcquire(key, limit)).isZero();
        long wait = limiter.tryAcquire(key, limit);

        assertThat(wait).isBetween(Duration.ofMillis(400).toNanos(), Duration.ofMillis(500).toNanos());
    }

    @Test
    void refillsAtTheRate() {
        RateLimiter limiter = limiter();
        Limit limit = Limit.perSecond(2, 1);
        assertThat(limiter.tryAcquire(key, limit)).isZero();
        assertThat(limiter.tryAcquire(key, limit)).isPositive();

        clock.advance(Duration.ofMillis(499));
        assertThat(limiter.tryAcquire(key, limit)).isPositive();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire(key, limit)).isZero();
    }

    @Test
    void fractionalRatesAreExact() {
        RateLimiter limiter = limiter();
        Limit halfPerSecond = Limit.perSecond(0.5, 1);
        assertThat(limiter.tryAcquire(key, halfPerSecond)).isZero();

        clock.advance(Duration.ofMillis(1999));
        assertThat(limiter.tryAcquire(key, halfPerSecond)).isPositive();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire(key, halfPerSecond)).isZero();
    }

    @Test
    void releaseGivesATokenBack() {
        RateLimiter limiter = limiter();
        Limit limit = Limit.perSecond(1, 1);
        assertThat(limiter.tryAcquire(key, limit)).isZero();
        assertThat(limiter.tryAcquire(key, limit)).isPositive();

        limiter.release(key, limit);

        assertThat(limiter.tryAcquire(key, limit)).isZero();
    }

    @Test
    void keysAreIndependent() {
        RateLimiter limiter = limiter();
        Limit limit = Limit.perSecond(1, 1);
        assertThat(limiter.tryAcquire(key + "-a", limit)).isZero();

        assertThat(limiter.tryAcquire(key + "-b", limit)).isZero();
        assertThat(limiter.tryAcquire(key + "-a", limit)).isPositive();
    }

    @Test
    void aChangedLimitStartsAFreshBucket() {
        RateLimiter limiter = limiter();
        assertThat(limiter.tryAcquire(key, Limit.perSecond(1, 1))).isZero();
        assertThat(limiter.tryAcquire(key, Limit.perSecond(1, 1))).isPositive();

        assertThat(limiter.tryAcquire(key, Limit.perSecond(0.5, 1))).isZero();
    }

    @Test
    void perMinuteLimitsAllowTheirCountPerMinute() {
        RateLimiter limiter = limiter();
        Limit twentyPerMinute = Limit.perMinute(20, 3);
        int granted = 0;
        for (int second = 0; second < 60; second++) {
            while (limiter.tryAcquire(key, twentyPerMinute) == 0) {
                granted++;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        // 3 at once, then 20 a minute refilled greedily
        assertThat(granted).isBetween(20, 23);
    }
}
