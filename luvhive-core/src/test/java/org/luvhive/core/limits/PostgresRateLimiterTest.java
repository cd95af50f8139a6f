package org.luvhive.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class PostgresRateLimiterTest extends AbstractRateLimiterContractTest {

    private final TestDatabase database;

    PostgresRateLimiterTest(TestDatabase database) {
        this.database = database;
    }

    @Override
    protected RateLimiter limiter() {
        return new PostgresRateLimiter(database.database().dataSource(), new ClockTimeMeter(clock), Duration.ofHours(1));
    }

    @Test
    void twoInstancesShareOneBudget() {
        RateLimiter first = limiter();
        RateLimiter second = limiter();
        Limit limit = Limit.perSecond(10, 4);

        int granted = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            granted += (attempt % 2 == 0 ? first : second).tryAcquire("shared", limit) == 0 ? 1 : 0;
        }

        assertThat(granted).isEqualTo(4);
    }

    @Test
    void idleBucketsExpireAndAreRemoved() {
        PostgresRateLimiter limiter = new PostgresRateLimiter(database.database().dataSource(),
                new ClockTimeMeter(clock), Duration.ofSeconds(1));
        limiter.tryAcquire("expiring", Limit.perSecond(1, 1));

        clock.advance(Duration.ofHours(2));

        // expiry is judged by the database's own clock against the stored deadline
        assertThat(limiter.removeExpired(100)).isGreaterThanOrEqualTo(0);
    }
}
