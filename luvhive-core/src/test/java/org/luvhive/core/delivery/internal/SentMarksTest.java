package org.luvhive.core.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.delivery.DeliveredMessage;
import org.luvhive.core.delivery.DeliveryEvents;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * Sends Telegram accepted are recorded several to a commit when they finish together,
 * each with its delivery event in the same transaction, and a row whose event fails
 * costs the others nothing.
 */
@ExtendWith(PostgresExtension.class)
class SentMarksTest {

    private static final long FAILING_CHAT = 13;
    private static final long BROKEN_CHAT = 66;

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-12-06T12:00:00Z");
    /** The batches the events saw, in commit order (a failed one too). */
    private final List<List<Long>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private SentMarks marks;

    SentMarksTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void empty() {
        database.jdbi().useHandle(handle -> handle.execute("truncate outbox"));
        DeliveryEvents events = new DeliveryEvents() {
            @Override
            public void deliveredAll(Handle handle, List<DeliveredMessage> delivered) {
                batches.add(delivered.stream().map(DeliveredMessage::outboxId).toList());
                if (batches.size() == 1) {
                    awaitQuietly(firstWriteMayEnd);
                }
                if (delivered.stream().anyMatch(message -> message.chatId() == BROKEN_CHAT)) {
                    throw new LinkageError("a class of the owner of chat 66 is gone");
                }
                if (delivered.stream().anyMatch(message -> message.chatId() == FAILING_CHAT)) {
                    throw new IllegalStateException("the owner of chat 13 cannot record it");
                }
            }
        };
        marks = new SentMarks(database.jdbi(), events, clock);
    }

    @AfterEach
    void stop() {
        firstWriteMayEnd.countDown();
        workers.shutdownNow();
    }

    private OutboxRow sending(long chatId) {
        long id = database.jdbi().withHandle(handle -> handle.createQuery("""
                insert into outbox (chat_id, priority, method, payload, status, not_before, created_at, lease_owner,
                                    attempts)
                values (:chat, 0, 'sendMessage', '{}', 'sending', :at, :at, 'session:test', 1) returning id""")
                .bind("chat", chatId).bind("at", clock.instant()).mapTo(Long.class).one());
        return new OutboxRow(id, chatId, 0, "sendMessage", "{}", null, 0, clock.instant()); // as read before the claim
    }

    private Map<String, Object> stored(long id) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select status, telegram_message_id, lease_owner, payload from outbox where id = :id")
                .bind("id", id).mapToMap().one());
    }

    /** Marks {@code first} on a worker and waits until its write is held inside the events. */
    private Future<?> firstWriteHeld(OutboxRow first) {
        Future<?> done = workers.submit(() -> marks.mark(first, Optional.of(100)));
        await().atMost(Duration.ofSeconds(30)).until(() -> batches.size() == 1);
        return done;
    }

    private List<Future<?>> markWhileHeld(List<OutboxRow> rows) {
        List<Future<?>> done = new ArrayList<>();
        for (OutboxRow row : rows) {
            done.add(workers.submit(() -> marks.mark(row, Optional.of((int) row.id() + 1000))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> marks.waiting() == rows.size());
        return done;
    }

    @Test
    void marksOfSendsThatFinishDuringAWriteAreCommittedTogetherInTheNext() throws Exception {
        OutboxRow first = sending(1);
        List<OutboxRow> next = List.of(sending(2), sending(3), sending(4), sending(5));
        Future<?> firstDone = firstWriteHeld(first);
        List<Future<?>> nextDone = markWhileHeld(next);

        firstWriteMayEnd.countDown();
        firstDone.get(30, TimeUnit.SECONDS);
        for (Future<?> done : nextDone) {
            done.get(30, TimeUnit.SECONDS);
        }

        assertThat(batches).as("one write for the first, one for the four that waited").hasSize(2);
        assertThat(batches.get(0)).containsExactly(first.id());
        assertThat(batches.get(1)).containsExactlyInAnyOrderElementsOf(next.stream().map(OutboxRow::id).toList());
        assertThat(stored(first.id())).containsEntry("status", "sent").containsEntry("telegram_message_id", 100)
                .containsEntry("lease_owner", null).containsEntry("payload", null);
        for (OutboxRow row : next) {
            assertThat(stored(row.id())).containsEntry("status", "sent")
                    .containsEntry("telegram_message_id", (int) row.id() + 1000);
        }
    }

    @Test
    void aRowWhoseEventFailsIsLeftInFlightAndTheOthersOfItsWriteAreMarked() throws Exception {
        Future<?> firstDone = firstWriteHeld(sending(1));
        OutboxRow before = sending(2);
        OutboxRow failing = sending(FAILING_CHAT);
        OutboxRow after = sending(4);
        List<Future<?>> done = markWhileHeld(List.of(before, failing, after));

        firstWriteMayEnd.countDown();
        firstDone.get(30, TimeUnit.SECONDS);
        done.get(0).get(30, TimeUnit.SECONDS);
        done.get(2).get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> done.get(1).get(30, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("the owner of chat 13 cannot record it");

        assertThat(stored(before.id())).containsEntry("status", "sent");
        assertThat(stored(after.id())).containsEntry("status", "sent");
        assertThat(stored(failing.id())).as("not recorded: the sender tries again, then its lease frees it")
                .containsEntry("status", "sending");
        assertThat(batches).as("the three together, then each on its own").hasSize(5);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(before.id(), failing.id(), after.id());
        assertThat(batches.subList(2, 5)).allSatisfy(alone -> assertThat(alone).hasSize(1));
    }

    @Test
    void anErrorInTheWriteEndsEveryMarkItTookRatherThanLeavingTheirWorkersWaiting() throws Exception {
        Future<?> firstDone = firstWriteHeld(sending(1));
        List<Future<?>> done = markWhileHeld(List.of(sending(2), sending(BROKEN_CHAT), sending(4)));

        firstWriteMayEnd.countDown();
        firstDone.get(30, TimeUnit.SECONDS);
        for (Future<?> mark : done) {
            assertThatThrownBy(() -> mark.get(30, TimeUnit.SECONDS)).hasRootCauseInstanceOf(LinkageError.class);
        }
        assertThat(marks.waiting()).isZero();
    }

    @Test
    void aRowNoLongerInFlightIsNotReportedDelivered() {
        OutboxRow freed = sending(1);
        database.jdbi().useHandle(handle -> handle.execute("update outbox set status = 'queued' where id = ?", freed.id()));
        firstWriteMayEnd.countDown();

        marks.mark(freed, Optional.of(5));

        assertThat(batches).isEmpty();
        assertThat(stored(freed.id())).containsEntry("status", "queued");
    }

    @Test
    void aSendWhoseClaimWasFreedIsRecordedUnlessAnotherSenderClaimedTheRowSince() {
        firstWriteMayEnd.countDown();
        OutboxRow freed = sending(1);
        OutboxRow expired = sending(2);
        OutboxRow retaken = sending(3);
        database.jdbi().useHandle(handle -> {
            handle.execute("update outbox set attempts = 1, status = 'queued', lease_owner = null, last_error = "
                    + "'claim freed: the sending instance is gone (its database session ended)' where id = ?", freed.id());
            handle.execute("update outbox set attempts = 1, status = 'queued', lease_owner = null, last_error = "
                    + "'lease expired: the sending instance stopped before recording the outcome' where id = ?",
                    expired.id());
            // freed, claimed by another sender (an attempt more) and put back after its failure
            handle.execute("update outbox set attempts = 2, status = 'queued', lease_owner = null, last_error = "
                    + "'claim freed: the sending instance is gone (its database session ended)' where id = ?",
                    retaken.id());
        });

        marks.mark(freed, Optional.of(11));
        marks.mark(expired, Optional.of(12));
        marks.mark(retaken, Optional.of(13));

        assertThat(stored(freed.id())).containsEntry("status", "sent").containsEntry("telegram_message_id", 11);
        assertThat(stored(expired.id())).containsEntry("status", "sent").containsEntry("telegram_message_id", 12);
        assertThat(stored(retaken.id())).as("another sender has had it since").containsEntry("status", "queued");
        assertThat(batches).containsExactly(List.of(freed.id()), List.of(expired.id()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
