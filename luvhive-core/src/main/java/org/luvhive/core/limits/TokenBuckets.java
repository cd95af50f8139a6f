package org.luvhive.core.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.luvhive.core.db.SqlArguments;

/**
 * Token buckets taken in the caller's transaction, one statement each (table
 * {@code token_buckets}): for limits checked while an update is handled, which then cost no
 * connection, round trip or commit of their own. A bucket is the instant it will be full
 * again (the generic cell rate algorithm): a take is allowed while that instant is at most
 * {@code capacity - 1} token intervals ahead of now, and moves it one interval on. The
 * take locks the bucket's row until the caller's transaction ends, so takes of two
 * instances are serialised and the limit is exact across instances; one rolled back (a
 * failed handler, undone to its savepoint) takes nothing. A bucket's key carries the
 * limit's fingerprint, so a changed limit starts fresh buckets, as with
 * {@link PostgresRateLimiter}. Stateless; thread-safe.
 */
public final class TokenBuckets {

    private static final String TAKE = """
            insert into token_buckets as bucket (id, due_at)
            values (:id, cast(:now as timestamptz) + :interval * interval '1 microsecond')
            on conflict (id) do update
                set due_at = greatest(bucket.due_at, cast(:now as timestamptz)) + :interval * interval '1 microsecond'
                where bucket.due_at <= cast(:now as timestamptz) + :tolerance * interval '1 microsecond'
            returning 1
            """;

    /** {@link #TAKE} for several buckets: the ones that had a token are returned. Rows are taken in id order. */
    private static final String TAKE_ALL = """
            insert into token_buckets as bucket (id, due_at)
            select id, cast(:now as timestamptz) + :interval * interval '1 microsecond'
            from unnest(cast(:ids as text[])) as id order by id
            on conflict (id) do update
                set due_at = greatest(bucket.due_at, cast(:now as timestamptz)) + :interval * interval '1 microsecond'
                where bucket.due_at <= cast(:now as timestamptz) + :tolerance * interval '1 microsecond'
            returning id
            """;

    /**
     * Undoes a take: the take moved the bucket to {@code max(due, now) + interval}, so this
     * leaves {@code max(due, now)}, which every later take treats as the bucket it was.
     */
    private static final String GIVE_BACK = """
            update token_buckets set due_at = due_at - :interval * interval '1 microsecond' where id = any(:ids)
            """;

    private TokenBuckets() {
    }

    /** Takes one token from the bucket {@code key} of {@code limit} at {@code now}; false when there is none. */
    public static boolean tryTake(Handle handle, String key, Limit limit, Instant now) {
        long interval = intervalMicros(limit);
        return handle.createQuery(TAKE).bind("id", SqlArguments.of(id(key, limit)))
                .bind("now", SqlArguments.of(now)).bind("interval", SqlArguments.of(interval))
                .bind("tolerance", SqlArguments.of(interval * (limit.capacity() - 1)))
                .map((row, context) -> row.getInt(1)).findOne().isPresent();
    }

    /**
     * Takes one token from each of the buckets {@code keys} (distinct) of {@code limit} at
     * {@code now}, in one statement; returns the keys that had one.
     */
    public static Set<String> tryTakeAll(Handle handle, Collection<String> keys, Limit limit, Instant now) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        long interval = intervalMicros(limit);
        List<String> taken = handle.createQuery(TAKE_ALL).bind("ids", ids(keys, limit))
                .bind("now", SqlArguments.of(now)).bind("interval", SqlArguments.of(interval))
                .bind("tolerance", SqlArguments.of(interval * (limit.capacity() - 1)))
                .map((row, context) -> row.getString(1)).list();
        int suffix = id("", limit).length();
        Set<String> keysTaken = new HashSet<>(taken.size() * 2);
        taken.forEach(id -> keysTaken.add(id.substring(0, id.length() - suffix)));
        return keysTaken;
    }

    /** Gives back the tokens just taken, in this transaction, from the buckets {@code keys} of {@code limit}. */
    public static void giveBack(Handle handle, Collection<String> keys, Limit limit) {
        if (!keys.isEmpty()) {
            handle.createUpdate(GIVE_BACK).bind("ids", ids(keys, limit))
                    .bind("interval", SqlArguments.of(intervalMicros(limit))).execute();
        }
    }

    /** A bucket's id: its key with the limit's fingerprint. */
    private static String id(String key, Limit limit) {
        return key + "@" + limit.fingerprint();
    }

    private static Argument ids(Collection<String> keys, Limit limit) {
        return SqlArguments.of(keys.stream().map(key -> id(key, limit)).toArray(String[]::new));
    }

    /** Deletes the buckets whose key starts with {@code prefix}, in the caller's transaction. */
    public static int forget(Handle handle, String prefix) {
        return handle.createUpdate("delete from token_buckets where starts_with(id, :prefix)")
                .bind("prefix", prefix).execute();
    }

    /** How many buckets are full at {@code now}: a full bucket is what no row says, so they can go. */
    public static long countFull(Jdbi jdbi, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from token_buckets where due_at <= :now")
                .bind("now", now).mapTo(Long.class).one());
    }

    /** Deletes up to {@code batch} buckets full at {@code now}. */
    public static int removeFull(Jdbi jdbi, Instant now, int batch) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        delete from token_buckets where id in (
                            select id from token_buckets where due_at <= :now limit :batch for update skip locked)
                        and due_at <= :now
                        """).bind("now", now).bind("batch", batch).execute());
    }

    /** The time one token takes to come back, in microseconds (the precision of a timestamptz). */
    static long intervalMicros(Limit limit) {
        return Math.max(1, Duration.ofNanos(limit.period().toNanos() / limit.tokens()).toNanos() / 1000);
    }
}
