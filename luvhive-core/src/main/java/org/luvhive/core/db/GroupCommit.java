package org.luvhive.core.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A group commit: callers hand in an item each and return once it is written. A caller
 * whose item is waiting takes the writer's lock and writes every item waiting then (its
 * own and those that arrived while the previous write ran, up to {@code maxBatch}) in one
 * write; the others wait for that write and return with their result. Nothing waits on a
 * timer: at a low rate each item is written alone, at once; under load one write carries
 * what arrived during the previous one. Thread-safe.
 *
 * @param <I> what callers hand in
 * @param <O> what each learns of its own item
 */
public final class GroupCommit<I, O> {

    /** What to do when a write of several items fails. */
    public enum OnFailure {
        /** Every item of the write fails with it. */
        FAIL_ALL,
        /** Each item is written again on its own, so one item's failure is not the others'. */
        RETRY_EACH
    }

    private final int maxBatch;
    private final Function<List<I>, List<O>> write;
    private final OnFailure onFailure;
    private final ConcurrentLinkedQueue<Pending<I, O>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    /**
     * @param write writes a batch in one transaction and returns each item's result, in order;
     *              throws when nothing of it was written
     */
    public GroupCommit(int maxBatch, Function<List<I>, List<O>> write, OnFailure onFailure) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.write = write;
        this.onFailure = onFailure;
    }

    /** Writes {@code item} with whatever else is waiting; its result once written, or the write's failure. */
    public O submit(I item) {
        Pending<I, O> pending = new Pending<>(item, new CompletableFuture<>());
        waiting.add(pending);
        while (!pending.done().isDone()) {
            writer.lock();
            try {
                if (!pending.done().isDone()) {
                    writeWaiting();
                }
            } finally {
                writer.unlock();
            }
        }
        try {
            return pending.done().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof Error fatal) {
                throw fatal;
            }
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** Items waiting for a write now. */
    public int waiting() {
        return waiting.size();
    }

    private void writeWaiting() {
        List<Pending<I, O>> batch = new ArrayList<>();
        for (Pending<I, O> next = waiting.poll(); next != null; next = batch.size() < maxBatch ? waiting.poll() : null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            writeAll(batch);
        } catch (Error fatal) {
            // every item taken must end, or its caller would wait for it for ever
            batch.forEach(pending -> pending.done().completeExceptionally(fatal));
            throw fatal;
        }
    }

    private void writeAll(List<Pending<I, O>> batch) {
        try {
            complete(batch, write.apply(batch.stream().map(Pending::item).toList()));
        } catch (RuntimeException failure) {
            if (batch.size() == 1 || onFailure == OnFailure.FAIL_ALL) {
                batch.forEach(pending -> pending.done().completeExceptionally(failure));
                return;
            }
            for (Pending<I, O> pending : batch) {
                try {
                    complete(List.of(pending), write.apply(List.of(pending.item())));
                } catch (RuntimeException alone) {
                    pending.done().completeExceptionally(alone);
                }
            }
        }
    }

    private static <I, O> void complete(List<Pending<I, O>> batch, List<O> results) {
        for (int index = 0; index < batch.size(); index++) {
            batch.get(index).done().complete(results.get(index));
        }
    }

    private record Pending<I, O>(I item, CompletableFuture<O> done) {
    }
}
