package org.luvhive.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** Slow limits behave as the shared bucket does (the contract); fast ones are drawn on a reserve at a time. */
@ExtendWith(PostgresExtension.class)
class ReservingRateLimiterTest extends AbstractRateLimiterContractTest {

    private static final Duration WINDOW = Duration.ofMillis(50);
    /** 50 tokens in a window, 100 at most at once. */
    private static final Limit FAST = Limit.perSecond(1000, 100);

    private final TestDatabase database;
    private final String key = "reserve-" + System.nanoTime();

    ReservingRateLimiterTest(TestDatabase database) {
        this.database = database;
    }

    private PostgresRateLimiter shared() {
        return new PostgresRateLimiter(database.database().dataSource(), new ClockTimeMeter(clock), Duration.ofHours(1));
    }

    @Override
    protected RateLimiter limiter() {
        return new ReservingRateLimiter(shared(), new ClockTimeMeter(clock), WINDOW);
    }

    private static int granted(RateLimiter limiter, String key, int attempts) {
        int granted = 0;
        for (int attempt = 0; attempt < attempts; attempt++) {
            granted += limiter.tryAcquire(key, FAST) == 0 ? 1 : 0;
        }
        return granted;
    }

    @Test
    void oneTokenTakesAWindowsWorthFromTheSharedBucket() {
        assertThat(limiter().tryAcquire(key, FAST)).isZero();

        assertThat(granted(shared(), key, 100)).as("left in the shared bucket").isEqualTo(50);
    }

    @Test
    void twoInstancesTogetherNeverExceedTheSharedBudget() {
        RateLimiter first = limiter();
        RateLimiter second = limiter();

        int granted = 0;
        for (int attempt = 0; attempt < 300; attempt++) {
            granted += (attempt % 2 == 0 ? first : second).tryAcquire(key, FAST) == 0 ? 1 : 0;
        }

        assertThat(granted).isEqualTo(100);
    }

    @Test
    void whatIsLeftAfterTheWindowGoesBackToTheSharedBucket() {
        RateLimiter reserving = limiter();
        reserving.tryAcquire(key, FAST); // 49 kept here, 50 left
        assertThat(granted(shared(), key, 50)).isEqualTo(50);

        clock.advance(WINDOW.plusMillis(1)); // 51 refilled; the 49 kept go back
        assertThat(reserving.tryAcquire(key, FAST)).isZero();

        assertThat(granted(shared(), key, 100)).as("left in the shared bucket").isEqualTo(50);
    }

    @Test
    void aLimitSlowerThanTwoTokensAWindowGoesToTheSharedBucketForEachToken() {
        Limit slow = Limit.perSecond(30, 30);
        RateLimiter reserving = limiter();
        assertThat(reserving.tryAcquire(key, slow)).isZero();

        int left = 0;
        PostgresRateLimiter shared = shared();
        for (int attempt = 0; attempt < 40; attempt++) {
            left += shared.tryAcquire(key, slow) == 0 ? 1 : 0;
        }
        assertThat(left).isEqualTo(29);
    }
}
