package org.luvhive.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.BotHarness;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.PoolSettings;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * 1,000 users press /find at once, half through one bot instance and half through
 * another (separate logic objects, outboxes, connection pools and threads, one database).
 */
@ExtendWith(PostgresExtension.class)
class MatcherConcurrencyTest {

    private static final int USERS = 1_000;
    private static final long FIRST = 10_000;

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");

    MatcherConcurrencyTest(TestDatabase database) {
        this.database = database;
    }

    private record Person(long id, String gender, int age, String filterGender) {
    }

    @Test
    void everyoneEndsInAtMostOneSymmetricChatAndNoCompatiblePairIsLeftWaiting() throws Exception {
        Map<Long, Person> people = new HashMap<>();
        BotHarness first = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of()));
        for (long id = FIRST; id < FIRST + USERS; id++) {
            String gender = id % 3 == 0 ? "female" : id % 3 == 1 ? "male" : "other";
            int age = 18 + (int) (id % 40);
            // one in ten is premium and only wants women: their compatibility is one-sided
            String filter = id % 10 == 0 ? "female" : null;
            people.put(id, new Person(id, gender, age, filter));
        }
        database.jdbi().useHandle(handle -> {
            var batch = handle.prepareBatch("""
                    insert into users (user_id, onboarding_step, consent_at, gender, age, country, city, filter_gender,
                                       premium_until, created_at, updated_at)
                    values (:id, 'done', :now, :gender, :age, 'Germany', 'Berlin', :filter, :premium, :now, :now)
                    """);
            for (Person person : people.values()) {
                batch.bind("id", person.id()).bind("now", clock.instant()).bind("gender", person.gender())
                        .bind("age", person.age()).bind("filter", person.filterGender())
                        .bind("premium", person.filterGender() == null ? null : clock.instant().plus(Duration.ofDays(1)))
                        .add();
            }
            batch.execute();
        });

        try (Database second = Database.connect(database.url(), PoolSettings.of(8, "second-instance"),
                new SimpleMeterRegistry())) {
            BotHarness other = new BotHarness(second.jdbi(), clock, FeatureSettings.defaults(Set.of()));
            ExecutorService firstThreads = Executors.newFixedThreadPool(4);
            ExecutorService secondThreads = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (long id = FIRST; id < FIRST + USERS; id++) {
                long userId = id;
                BotHarness instance = id % 2 == 0 ? first : other;
                results.add((id % 2 == 0 ? firstThreads : secondThreads).submit(() -> {
                    start.await();
                    instance.text(userId, "/find");
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(2, TimeUnit.MINUTES);
            }
            firstThreads.shutdown();
            secondThreads.shutdown();
        }

        Map<Long, Long> partners = new HashMap<>();
        database.jdbi().useHandle(handle -> handle.createQuery(
                        "select user_id, partner_id from chat_members where active")
                .map((rows, context) -> Map.entry(rows.getLong(1), rows.getLong(2)))
                .forEach(entry -> assertThat(partners.put(entry.getKey(), entry.getValue()))
                        .as("user %d is in two chats", entry.getKey()).isNull()));
        partners.forEach((user, partner) -> assertThat(partners.get(partner)).as("symmetric pair").isEqualTo(user));
        partners.forEach((user, partner) -> assertThat(compatible(people.get(user), people.get(partner))).isTrue());
        long malformedChats = database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from chats where (select count(*) from chat_members m where m.chat_id = chats.id) <> 2")
                .mapTo(Long.class).one());
        assertThat(malformedChats).isZero();

        List<Long> waiting = database.jdbi().withHandle(handle -> handle.createQuery(
                "select user_id from match_queue").mapTo(Long.class).list());
        assertThat(partners.size() + waiting.size()).as("everyone is in a chat or still searching").isEqualTo(USERS);
        for (long a : waiting) {
            for (long b : waiting) {
                if (a < b) {
                    assertThat(compatible(people.get(a), people.get(b)))
                            .as("users %d and %d could be paired but both wait", a, b).isFalse();
                }
            }
        }
        assertThat(partners.size()).isGreaterThan(USERS * 9 / 10);
    }

    /**
     * A status message's id is recorded in the waiting user's queue row when Telegram has
     * it, outside the chat lock; a search at that moment must wait for the row, not skip the
     * only compatible user and leave both waiting.
     */
    @Test
    void aSearchWaitsForAQueueRowADeliveryIsWritingInsteadOfSkippingIt() throws Exception {
        long waiter = 20_001;
        long seeker = 20_002;
        database.jdbi().useHandle(handle -> handle.execute("""
                insert into users (user_id, onboarding_step, consent_at, gender, age, country, city, created_at, updated_at)
                select id, 'done', ?, 'other', 30, 'Germany', 'Berlin', ?, ? from unnest(?) as id""",
                clock.instant(), clock.instant(), clock.instant(), new long[] {waiter, seeker}));
        BotHarness bot = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of()));
        bot.text(waiter, "/find");
        ExecutorService searches = Executors.newSingleThreadExecutor();
        try (Handle delivery = database.jdbi().open()) {
            delivery.begin();
            delivery.execute("update match_queue set status_message_id = 77 where user_id = ?", waiter);
            Future<?> search = searches.submit(() -> bot.text(seeker, "/find"));
            await().atMost(Duration.ofSeconds(30)).until(() -> search.isDone() || lockWaits() > 0);
            delivery.commit();
            search.get(30, TimeUnit.SECONDS);
        } finally {
            searches.shutdownNow();
        }

        long partner = database.jdbi().withHandle(handle -> handle.createQuery(
                "select partner_id from chat_members where active and user_id = :seeker").bind("seeker", seeker)
                .mapTo(Long.class).findOne().orElse(0L));
        assertThat(partner).as("the seeker's partner").isEqualTo(waiter);
    }

    private int lockWaits() {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'""")
                .mapTo(Integer.class).one());
    }

    private static boolean compatible(Person one, Person two) {
        return accepts(one, two) && accepts(two, one) && AgeBands.withinBand(one.age(), two.age());
    }

    private static boolean accepts(Person seeker, Person candidate) {
        return seeker.filterGender() == null || seeker.filterGender().equals(candidate.gender());
    }
}
