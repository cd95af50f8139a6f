package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.match.AgeBands;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.ProgressWait;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.update.InboxProcessor;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * 1,000 users press /find at once; two bot instances (two runners, each polling the same
 * emulator, each with its own pool, inbox threads and sender) share one database. Every
 * user ends in at most one chat, pairs are symmetric, each side was told once, and nobody
 * who could be paired is left waiting.
 */
@ExtendWith(PostgresExtension.class)
class TwoInstancesFindE2ETest {

    private static final int USERS = 1_000;
    private static final long FIRST = 5_000_000;
    /** How long nothing may move before the bot counts as stuck. */
    private static final Duration STALL = Duration.ofSeconds(60);

    private final TestDatabase database;

    @TempDir
    Path home;

    TwoInstancesFindE2ETest(TestDatabase database) {
        this.database = database;
    }

    /** One in ten is premium and only wants women: for them compatibility is one-sided. */
    private record Person(long id, String gender, String filterGender) {

        int age() {
            return 18 + (int) (id % 40);
        }

        /** Its filter (while premium) lets {@code other} in, and their ages are within one band. */
        boolean accepts(Person other) {
            return (filterGender == null || filterGender.equals(other.gender)) && AgeBands.withinBand(age(), other.age());
        }
    }

    @Test
    void everyUserEndsInAtMostOneSymmetricChatAndNobodyWhoCouldBePairedIsLeftWaiting() throws Exception {
        Map<Long, Person> people = registerPeople(Clock.systemUTC().instant());
        try (LuvhiveUnderTest luvhive = LuvhiveUnderTest.start(database, home, Clock.systemUTC(),
                FeatureSettings.defaults(Set.of()), 2)) {
            List<SimulatedUser> users = new ArrayList<>();
            people.keySet().stream().sorted().forEach(id -> users.add(luvhive.bot().newUser(id, "U" + id, "en")));

            ExecutorService presses = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> pressed = new ArrayList<>();
            for (SimulatedUser user : users) {
                pressed.add(presses.submit(() -> {
                    start.await();
                    user.sendCommand("find");
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> press : pressed) {
                press.get(30, TimeUnit.SECONDS);
            }
            presses.shutdown();

            // a loaded machine may need minutes for 1,000 updates; a stuck bot stops moving
            ProgressWait.until("every /find handled", STALL, this::handledFinds, () -> handledFinds() == USERS);
            luvhive.awaitQuietWhileProgressing(STALL);

            Map<Long, Long> partners = activePartners();
            partners.forEach((user, partner) -> {
                assertThat(partners.get(partner)).as("%d and %d are each other's partner", user, partner).isEqualTo(user);
                assertThat(people.get(user).accepts(people.get(partner)) && people.get(partner).accepts(people.get(user)))
                        .as("%d and %d accept each other", user, partner).isTrue();
            });
            List<Long> waiting = luvhive.database().jdbi().withHandle(handle -> handle.createQuery(
                    "select user_id from match_queue").mapTo(Long.class).list());
            assertThat(partners.size() + waiting.size()).as("everyone is in a chat or still searching").isEqualTo(USERS);
            for (long one : waiting) {
                for (long other : waiting) {
                    assertThat(one < other && people.get(one).accepts(people.get(other))
                            && people.get(other).accepts(people.get(one)))
                            .as("%d and %d could be paired but both wait", one, other).isFalse();
                }
            }
            assertThat(partners.size()).isGreaterThan(USERS * 9 / 10);

            for (SimulatedUser user : users) {
                long intros = user.received().stream().filter(message -> message.text().contains(Users.PARTNER_FOUND))
                        .count();
                assertThat(intros).as("intros %s got", user).isEqualTo(partners.containsKey(user.id()) ? 1 : 0);
            }
            for (int instance = 0; instance < 2; instance++) {
                double handled = luvhive.instance(instance).registry().find(InboxProcessor.HANDLED)
                        .counters().stream().mapToDouble(Counter::count).sum();
                assertThat(handled).as("updates instance %d handled", instance).isPositive();
            }
        }
    }

    private Map<Long, Person> registerPeople(Instant now) {
        Map<Long, Person> people = new HashMap<>();
        for (long id = FIRST; id < FIRST + USERS; id++) {
            String gender = id % 3 == 0 ? "female" : id % 3 == 1 ? "male" : "other";
            people.put(id, new Person(id, gender, id % 10 == 0 ? "female" : null));
        }
        database.jdbi().useHandle(handle -> {
            var batch = handle.prepareBatch("""
                    insert into users (user_id, onboarding_step, consent_at, gender, age, country, city, filter_gender,
                                       premium_until, created_at, updated_at)
                    values (:id, 'done', :now, :gender, :age, 'Germany', 'Berlin', :filter, :premium, :now, :now)
                    """);
            for (Person person : people.values()) {
                batch.bind("id", person.id()).bind("now", now).bind("gender", person.gender())
                        .bind("age", person.age()).bind("filter", person.filterGender())
                        .bind("premium", person.filterGender() == null ? null : now.plus(Duration.ofDays(1)))
                        .add();
            }
            batch.execute();
        });
        return people;
    }

    private long handledFinds() {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from inbox where user_id >= :first and status = 'handled'")
                .bind("first", FIRST).mapTo(Long.class).one());
    }

    private Map<Long, Long> activePartners() {
        Map<Long, Long> partners = new HashMap<>();
        database.jdbi().useHandle(handle -> handle.createQuery("select user_id, partner_id from chat_members where active")
                .map((rows, context) -> Map.entry(rows.getLong(1), rows.getLong(2)))
                .forEach(entry -> assertThat(partners.put(entry.getKey(), entry.getValue()))
                        .as("user %d is in two chats", entry.getKey()).isNull()));
        return partners;
    }
}
