package org.luvhive.core.delivery.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.db.GroupCommit;
import org.luvhive.core.delivery.DeliveredMessage;
import org.luvhive.core.delivery.DeliveryEvents;

/**
 * Records the sends Telegram accepted, several in one statement and one commit with their
 * {@link DeliveryEvents#deliveredAll} events ({@link GroupCommit}): at a low rate each mark
 * is written alone; under load one commit carries the marks of the sends that finished
 * during the previous one (up to {@value #MAX_BATCH}), so a mark
 * waits for at most one commit besides its own, and a {@code kill -9} can hit no more sent
 * rows than before (those sent but not yet committed, at most the sends in flight). When
 * a write of several marks fails, each is written again on its own, so one row whose
 * event fails does not hold up the others. Thread-safe.
 */
final class SentMarks {

    static final int MAX_BATCH = 64;

    private final Jdbi jdbi;
    private final DeliveryEvents events;
    private final Clock clock;
    private final GroupCommit<Mark, Boolean> commits;

    SentMarks(Jdbi jdbi, DeliveryEvents events, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.clock = clock;
        this.commits = new GroupCommit<>(MAX_BATCH, this::write, GroupCommit.OnFailure.RETRY_EACH);
    }

    /** Marks {@code row} sent; returns once the mark is committed, throws if writing it failed. */
    void mark(OutboxRow row, Optional<Integer> messageId) {
        commits.submit(new Mark(row, messageId));
    }

    /** How many marks wait for a write now. */
    int waiting() {
        return commits.waiting();
    }

    /** Whether each mark was still the sender's to record (and is now marked). */
    private List<Boolean> write(List<Mark> batch) {
        long[] ids = batch.stream().mapToLong(mark -> mark.row().id()).toArray();
        Long[] messageIds = batch.stream().map(mark -> mark.messageId().map(Integer::longValue).orElse(null))
                .toArray(Long[]::new);
        long[] attempts = batch.stream().mapToLong(mark -> mark.row().attempts() + 1L).toArray(); // as claimed
        return jdbi.inTransaction(handle -> {
            Set<Long> marked = new HashSet<>(OutboxStatements.markSent(handle, ids, messageIds, attempts,
                    clock.instant()));
            List<DeliveredMessage> delivered = batch.stream().filter(mark -> marked.contains(mark.row().id()))
                    .map(mark -> new DeliveredMessage(mark.row().id(), mark.row().chatId(), mark.row().method(),
                            Optional.ofNullable(mark.row().correlation()), mark.messageId()))
                    .toList();
            if (!delivered.isEmpty()) {
                events.deliveredAll(handle, delivered);
            }
            return batch.stream().map(mark -> marked.contains(mark.row().id())).toList();
        });
    }

    private record Mark(OutboxRow row, Optional<Integer> messageId) {
    }
}
