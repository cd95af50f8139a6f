package org.luvhive.core.delivery.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.DeliveredMessage;
import org.luvhive.core.delivery.DeliveryEvents;

/**
 * Records the sends Telegram accepted, several in one statement and one commit (a group
 * commit): a worker whose mark is waiting takes the writer's lock and writes every mark
 * waiting then (its own and those of sends that finished while the previous write ran) in
 * one transaction with their {@link DeliveryEvents#deliveredAll} events; the others wait
 * for that commit and return when their mark is in it. Nothing waits on a timer: at a low
 * rate each mark is written alone, as before; under load one commit carries the marks of
 * the sends that finished during the previous one (up to {@value #MAX_BATCH}), so a mark
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
    private final ConcurrentLinkedQueue<Mark> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    SentMarks(Jdbi jdbi, DeliveryEvents events, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.clock = clock;
    }

    /** Marks {@code row} sent; returns once the mark is committed, throws if writing it failed. */
    void mark(OutboxRow row, Optional<Integer> messageId) {
        Mark mark = new Mark(row, messageId, new CompletableFuture<>());
        waiting.add(mark);
        while (!mark.done().isDone()) {
            writer.lock();
            try {
                if (!mark.done().isDone()) {
                    writeWaiting();
                }
            } finally {
                writer.unlock();
            }
        }
        try {
            mark.done().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof Error fatal) {
                throw fatal;
            }
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** How many marks wait for a write now. */
    int waiting() {
        return waiting.size();
    }

    private void writeWaiting() {
        List<Mark> batch = new ArrayList<>();
        for (Mark next = waiting.poll(); next != null; next = batch.size() < MAX_BATCH ? waiting.poll() : null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            writeAll(batch);
        } catch (Error fatal) {
            // every mark taken must end, or its worker would wait for it for ever
            batch.forEach(mark -> mark.done().completeExceptionally(fatal));
            throw fatal;
        }
    }

    private void writeAll(List<Mark> batch) {
        try {
            write(batch);
            batch.forEach(mark -> mark.done().complete(null));
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(failure);
                return;
            }
            for (Mark mark : batch) { // each on its own: one row's failure is not the others'
                try {
                    write(List.of(mark));
                    mark.done().complete(null);
                } catch (RuntimeException alone) {
                    mark.done().completeExceptionally(alone);
                }
            }
        }
    }

    private void write(List<Mark> batch) {
        long[] ids = batch.stream().mapToLong(mark -> mark.row().id()).toArray();
        Long[] messageIds = batch.stream().map(mark -> mark.messageId().map(Integer::longValue).orElse(null))
                .toArray(Long[]::new);
        long[] attempts = batch.stream().mapToLong(mark -> mark.row().attempts() + 1L).toArray(); // as claimed
        jdbi.useTransaction(handle -> {
            Set<Long> marked = new HashSet<>(OutboxStatements.markSent(handle, ids, messageIds, attempts,
                    clock.instant()));
            List<DeliveredMessage> delivered = batch.stream().filter(mark -> marked.contains(mark.row().id()))
                    .map(mark -> new DeliveredMessage(mark.row().id(), mark.row().chatId(), mark.row().method(),
                            Optional.ofNullable(mark.row().correlation()), mark.messageId()))
                    .toList();
            if (!delivered.isEmpty()) {
                events.deliveredAll(handle, delivered);
            }
        });
    }

    private record Mark(OutboxRow row, Optional<Integer> messageId, CompletableFuture<Void> done) {
    }
}
