package org.luvhive.core;

import java.time.Duration;
import java.time.Instant;
import java.util.function.ToLongFunction;

/**
 * One kind of row a retention job removes (or strips of who it was about), counted and
 * removed by one rule: the scheduled jobs apply their steps on their schedule, {@code
 * luvhive db cleanup} counts them (dry run) or applies them now. {@link #apply} works in
 * batches, each its own short statement, so no lock is held for long. Thread-safe as its
 * functions are.
 *
 * @param name        stable name, for JSON and metrics ({@code inbox_handled})
 * @param description what goes, for people ({@code handled updates received more than 3 days ago})
 * @param counter     how many rows would go at a moment
 * @param remover     removes at most the given number of them at a moment; returns how many it did
 */
public record RetentionStep(String name, String description, ToLongFunction<Instant> counter, Remover remover) {

    /** Rows per deleting statement in every retention job: short transactions, short locks. */
    public static final int BATCH = 1_000;

    /** Removes at most {@code limit} rows due at {@code now}; returns how many it removed. */
    @FunctionalInterface
    public interface Remover {
        int remove(Instant now, int limit);
    }

    /** How many rows would go at {@code now}. */
    public long count(Instant now) {
        return counter.applyAsLong(now);
    }

    /** A retention period for people: {@code 24 h}, {@code 3 days}, {@code 90 min}. */
    public static String age(Duration period) {
        if (period.toHours() > 24 && period.toHours() % 24 == 0) {
            return period.toDays() + " days";
        }
        return period.toMinutes() % 60 == 0 ? period.toHours() + " h" : period.toMinutes() + " min";
    }

    /** Removes every row due at {@code now}, {@code batch} at a time; returns how many. */
    public long apply(Instant now, int batch) {
        long total = 0;
        int done;
        do {
            done = remover.remove(now, batch);
            total += done;
        } while (done == batch);
        return total;
    }
}
