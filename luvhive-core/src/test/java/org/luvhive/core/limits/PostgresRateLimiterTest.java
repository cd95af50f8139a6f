package org.luvhive.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
        // Bucket4j writes expires_at as the JVM's wall-clock time plus the time the bucket needs
        // to be full again plus keepIdleBuckets, and removeExpired compares it with the wall
        // clock: a bucket refilled in 1 ms and kept 1 ms more expires at once, one kept an hour
        // stays.
        Limit quickRefill = Limit.perSecond(1000, 1);
        PostgresRateLimiter shortLived = new PostgresRateLimiter(database.database().dataSource(),
                new ClockTimeMeter(clock), Duration.ofMillis(1));
        shortLived.tryAcquire("idle", quickRefill);
        limiter().tryAcquire("busy", quickRefill);
        int rowsBefore = bucketRows().size();
        AtomicInteger removed = new AtomicInteger();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            removed.addAndGet(shortLived.removeExpired(100));
            return bucketRows().stream().noneMatch(id -> id.startsWith("idle@"));
        });

        List<String> left = bucketRows();
        assertThat(left).anyMatch(id -> id.startsWith("busy@"));
        assertThat(removed.get()).isEqualTo(rowsBefore - left.size()).isPositive();
    }

    private List<String> bucketRows() {
        return database.jdbi().withHandle(handle -> handle.createQuery("select id from rate_limit_buckets")
                .mapTo(String.class).list());
    }
}
