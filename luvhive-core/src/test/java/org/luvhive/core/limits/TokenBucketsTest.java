package org.luvhive.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class TokenBucketsTest {

    private static final Instant START = Instant.parse("2026-12-06T12:00:00Z");

    private final TestDatabase database;

    TokenBucketsTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void empty() {
        database.jdbi().useHandle(handle -> handle.execute("truncate token_buckets"));
    }

    @Test
    void grantsTheBurstThenRefusesUntilATokenIsBack() {
        Limit limit = Limit.perSecond(2, 3);

        assertThat(takes("user", limit, START, 5)).isEqualTo(3);
        assertThat(take("user", limit, START.plusMillis(499))).isFalse();
        assertThat(take("user", limit, START.plusMillis(500))).isTrue();
        assertThat(take("user", limit, START.plusMillis(500))).isFalse();
    }

    @Test
    void refillsAtTheRateUpToTheBurstOnly() {
        Limit limit = Limit.perSecond(0.5, 2);
        assertThat(takes("user", limit, START, 2)).isEqualTo(2);

        assertThat(take("user", limit, START.plusMillis(1999))).isFalse();
        assertThat(take("user", limit, START.plusSeconds(2))).isTrue();
        assertThat(takes("user", limit, START.plusSeconds(60), 5)).as("an hour idle refills the burst, no more")
                .isEqualTo(2);
    }

    @Test
    void keysAndLimitsAreBucketsOfTheirOwn() {
        Limit one = Limit.perSecond(1, 1);
        assertThat(take("a", one, START)).isTrue();
        assertThat(take("a", one, START)).isFalse();
        assertThat(take("b", one, START)).isTrue();
        assertThat(take("a", Limit.perSecond(2, 1), START)).as("a changed limit starts afresh").isTrue();
    }

    @Test
    void aTakeRolledBackTakesNothing() {
        Limit one = Limit.perSecond(1, 1);
        database.jdbi().useTransaction(handle -> {
            handle.savepoint("handler");
            assertThat(TokenBuckets.tryTake(handle, "user", one, START)).isTrue();
            handle.rollbackToSavepoint("handler");
        });

        assertThat(take("user", one, START)).isTrue();
    }

    @Test
    void twoInstancesTakingAtOnceShareOneBucket() throws Exception {
        Limit limit = Limit.perSecond(1, 2);
        assertThat(take("user", limit, START)).isTrue();
        CountDownLatch firstTook = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);
        // one instance takes the last token and holds its transaction open...
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> database.jdbi().inTransaction(handle -> {
            boolean took = TokenBuckets.tryTake(handle, "user", limit, START);
            firstTook.countDown();
            await(secondWaits);
            return took;
        }));
        await(firstTook);
        // ...while the other's take waits for that row, and then finds no token left
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> database.jdbi().inTransaction(
                handle -> TokenBuckets.tryTake(handle, "user", limit, START)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> database.jdbi().withHandle(handle -> handle
                .createQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
                .mapTo(Integer.class).one()) > 0);
        secondWaits.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(30, TimeUnit.SECONDS)).as("two instances never admit more than the burst").isFalse();
    }

    @Test
    void takenTogetherEachBucketIsTakenFromAsAlone() {
        Limit limit = Limit.perSecond(1, 2);
        takes("spent", limit, START, 2);
        take("half", limit, START);

        Set<String> taken = database.jdbi().inTransaction(handle ->
                TokenBuckets.tryTakeAll(handle, List.of("spent", "half", "new"), limit, START));

        assertThat(taken).containsExactlyInAnyOrder("half", "new");
        assertThat(take("half", limit, START)).as("its burst of two spent").isFalse();
        assertThat(take("new", limit, START)).as("one of two left").isTrue();
        assertThat(take("spent", limit, START.plusSeconds(1))).isTrue();
    }

    @Test
    void aTokenGivenBackLeavesTheBucketAsItWas() {
        Limit limit = Limit.perSecond(1, 2);
        take("used", limit, START);
        takes("idle", limit, START.minusSeconds(60), 2);

        database.jdbi().useTransaction(handle -> {
            TokenBuckets.tryTakeAll(handle, List.of("used", "idle", "new"), limit, START);
            TokenBuckets.giveBack(handle, List.of("used", "idle", "new"), limit);
        });

        assertThat(takes("used", limit, START, 3)).as("one of two left, as before").isEqualTo(1);
        assertThat(takes("idle", limit, START, 3)).as("full, as before").isEqualTo(2);
        assertThat(takes("new", limit, START, 3)).as("full, as before").isEqualTo(2);
    }

    @Test
    void fullBucketsAreRemovedAndStartFullAgain() {
        Limit limit = Limit.perSecond(1, 2);
        takes("idle", limit, START, 2);
        takes("busy", limit, START.plusSeconds(5), 2);
        Instant later = START.plusSeconds(3);

        assertThat(TokenBuckets.countFull(database.jdbi(), later)).isEqualTo(1);
        assertThat(TokenBuckets.removeFull(database.jdbi(), later, 100)).isEqualTo(1);
        assertThat(TokenBuckets.countFull(database.jdbi(), later)).isZero();
        assertThat(takes("idle", limit, later, 3)).isEqualTo(2);
        assertThat(take("busy", limit, START.plusSeconds(5))).isFalse();
    }

    @Test
    void forgetDropsTheBucketsOfAPrefix() {
        Limit one = Limit.perSecond(1, 1);
        take("inbound:7", one, START);
        take("inbound:70", one, START);

        database.jdbi().useHandle(handle -> TokenBuckets.forget(handle, "inbound:7@"));

        assertThat(take("inbound:7", one, START)).isTrue();
        assertThat(take("inbound:70", one, START)).isFalse();
    }

    private boolean take(String key, Limit limit, Instant now) {
        return database.jdbi().inTransaction(handle -> TokenBuckets.tryTake(handle, key, limit, now));
    }

    private int takes(String key, Limit limit, Instant now, int attempts) {
        int granted = 0;
        for (int attempt = 0; attempt < attempts; attempt++) {
            granted += take(key, limit, now) ? 1 : 0;
        }
        return granted;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
