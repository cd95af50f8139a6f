package org.luvhive.core.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.RecordingJdbi;
import org.luvhive.core.testing.TestDatabase;

/**
 * Webhook posts that arrive while a group is being stored are stored together, in one
 * statement and one commit, and each post learns what became of its own update. The first
 * post's insert is held up by a lock on the inbox, so the others are known to be waiting.
 */
@ExtendWith(PostgresExtension.class)
class WebhookGroupsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestDatabase database;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final ExecutorService posts = Executors.newFixedThreadPool(12);
    private WebhookGroups groups;

    WebhookGroupsTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void setUp() {
        database.jdbi().useHandle(handle -> handle.execute("truncate inbox, update_quarantine"));
        InboxStore store = new InboxStore(RecordingJdbi.on(database.database().dataSource(), statements),
                new ObjectMapper(), ManualClock.at("2026-12-06T12:00:00Z"), new SimpleMeterRegistry(), () -> { });
        groups = new WebhookGroups(store);
    }

    @AfterEach
    void stop() {
        posts.shutdownNow();
    }

    private static byte[] text(long updateId) {
        return InboxStoreTest.text(updateId, 5000 + updateId, "hello " + updateId).getBytes(StandardCharsets.UTF_8);
    }

    private long inserts() {
        return statements.stream().filter(statement -> statement.startsWith("insert into inbox")).count();
    }

    /** Inserts into the inbox waiting for the test's lock. */
    private int blockedInserts() {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into inbox%'""")
                .mapTo(Integer.class).one());
    }

    private Future<InboxStore.Outcome> post(byte[] body) {
        return posts.submit(() -> groups.store(body));
    }

    /**
     * Posts the first body while the inbox is locked, then the others once the first is
     * stuck on the lock, each once the one before it waits: posts submitted together reach
     * the group in any order, and which of two posts of one update is the duplicate depends
     * on that order.
     */
    private List<Future<InboxStore.Outcome>> postTogether(List<byte[]> bodies) {
        List<Future<InboxStore.Outcome>> outcomes = new ArrayList<>();
        try (Handle lock = database.jdbi().open()) {
            lock.begin();
            lock.execute("lock table inbox in exclusive mode");
            outcomes.add(post(bodies.get(0)));
            await().atMost(WAIT).until(() -> blockedInserts() == 1);
            for (int index = 1; index < bodies.size(); index++) {
                outcomes.add(post(bodies.get(index)));
                int waiting = index;
                await().atMost(WAIT).until(() -> groups.waiting() == waiting);
            }
            lock.rollback();
        }
        return outcomes;
    }

    @Test
    void postsArrivingWhileAGroupIsStoredAreStoredTogetherEachWithItsOutcome() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (long id = 1; id <= 10; id++) {
            bodies.add(text(id));
        }
        bodies.add(text(3)); // Telegram sending one again

        List<Future<InboxStore.Outcome>> outcomes = postTogether(bodies);

        for (int index = 0; index < 10; index++) {
            assertThat(outcomes.get(index).get(30, TimeUnit.SECONDS)).as("post %d", index)
                    .isEqualTo(InboxStore.Outcome.STORED);
        }
        assertThat(outcomes.get(10).get(30, TimeUnit.SECONDS)).isEqualTo(InboxStore.Outcome.DUPLICATE);
        assertThat(inserts()).as("the first alone, then the ten waiting in one insert").isEqualTo(2);
        int stored = database.jdbi().withHandle(handle -> handle.createQuery("select count(*) from inbox")
                .mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(10);
    }

    @Test
    void aPoisonPostInAGroupIsQuarantinedAndTheOthersAreStored() throws Exception {
        byte[] notUtf8 = {'{', '"', 'u', (byte) 0xC3, (byte) 0x28, '"', '}'};
        List<Future<InboxStore.Outcome>> outcomes = postTogether(List.of(text(21), text(22), notUtf8, text(23)));

        assertThat(outcomes.get(0).get(30, TimeUnit.SECONDS)).isEqualTo(InboxStore.Outcome.STORED);
        assertThat(outcomes.get(1).get(30, TimeUnit.SECONDS)).isEqualTo(InboxStore.Outcome.STORED);
        assertThat(outcomes.get(2).get(30, TimeUnit.SECONDS)).isEqualTo(InboxStore.Outcome.QUARANTINED);
        assertThat(outcomes.get(3).get(30, TimeUnit.SECONDS)).isEqualTo(InboxStore.Outcome.STORED);
        assertThat(inserts()).isEqualTo(2);
    }

    @Test
    void aGroupWhoseTransactionFailsFailsItsPostsAndTheNextGroupIsStoredByAWaitingPost() throws Exception {
        Future<InboxStore.Outcome> first;
        List<Future<InboxStore.Outcome>> more;
        try (Handle lock = database.jdbi().open()) {
            lock.begin();
            lock.execute("lock table inbox in exclusive mode");
            first = post(text(31));
            await().atMost(WAIT).until(() -> blockedInserts() == 1);
            more = List.of(post(text(32)), post(text(33)));
            await().atMost(WAIT).until(() -> groups.waiting() == 2);
            // the first group's insert is waiting for the lock: end its session, as an outage would
            lock.createQuery("""
                    select count(pg_terminate_backend(pid)) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into inbox%'""")
                    .mapTo(Integer.class).one();
            lock.rollback();
        }
        List<Future<InboxStore.Outcome>> outcomes = List.of(first, more.get(0), more.get(1));

        assertThatThrownBy(() -> outcomes.get(0).get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(RuntimeException.class);
        assertThat(outcomes.get(1).get(30, TimeUnit.SECONDS)).isEqualTo(InboxStore.Outcome.STORED);
        assertThat(outcomes.get(2).get(30, TimeUnit.SECONDS)).isEqualTo(InboxStore.Outcome.STORED);
        assertThat(groups.waiting()).isZero();
    }
}
