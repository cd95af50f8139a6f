package org.luvhive.core.delivery.internal;

import static org.luvhive.core.db.SqlArguments.instant;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.luvhive.core.db.SqlArguments;

/**
 * The outbox statements every relayed message pays for (queue it, find it due, claim it),
 * through the fluent API with row mappers and arguments given ({@link SqlArguments} says
 * why); the rest are {@link OutboxDao}'s. Stateless; thread-safe.
 */
public final class OutboxStatements {

    private static final String INSERT = """
            insert into outbox (chat_id, priority, method, payload, correlation, not_before, created_at)
            values (:chatId, :priority, :method, cast(:payload as jsonb), :correlation, :now, :now)
            returning id
            """;

    private static final String DUE = "select " + OutboxDao.COLUMNS + " from outbox o "
            + "where status = 'queued' and not_before <= :now and chat_id <> all(:excluded) "
            + "and not exists (select 1 from outbox earlier where earlier.chat_id = o.chat_id "
            + "    and earlier.status in ('queued', 'sending') and earlier.id < o.id) "
            + "order by priority, id limit :limit";

    private static final String TRY_LOCK_CHAT = "select pg_try_advisory_xact_lock(:lockSpace, hashtext(:chatId::text))";

    private static final String IS_BLOCKED = "select exists (select 1 from blocked_recipients where chat_id = :chatId)";

    private static final String HAS_EARLIER = """
            select exists (select 1 from outbox where chat_id = :chatId
                           and (status = 'sending' or (status = 'queued' and id < :id)))
            """;

    private static final String CLAIM = """
            update outbox set status = 'sending', lease_owner = :owner, lease_until = :leaseUntil,
                   attempts = attempts + 1
            where id = :id and status = 'queued'
            """;

    private static final RowMapper<OutboxRow> ROW = (row, context) -> new OutboxRow(row.getLong("id"),
            row.getLong("chat_id"), row.getInt("priority"), row.getString("method"), row.getString("payload"),
            row.getString("correlation"), row.getInt("attempts"), instant(row, "created_at"));

    private static final RowMapper<Boolean> FLAG = (row, context) -> row.getBoolean(1);

    private OutboxStatements() {
    }

    /** Queues a row; returns its id. */
    public static long insert(Handle handle, long chatId, int priority, String method, String payload,
                              String correlation, Instant now) {
        return handle.createQuery(INSERT).bind("chatId", SqlArguments.of(chatId))
                .bind("priority", SqlArguments.of(priority)).bind("method", SqlArguments.of(method))
                .bind("payload", SqlArguments.of(payload)).bind("correlation", SqlArguments.of(correlation))
                .bind("now", SqlArguments.of(now)).map((row, context) -> row.getLong(1)).one();
    }

    /**
     * The next row of each chat (its oldest pending one), if due, in priority order across
     * chats, skipping chats the caller already knows it cannot send to now (in flight,
     * paused, out of tokens), so one busy chat never hides the others. Within a chat rows
     * go strictly in the order they were queued.
     */
    public static List<OutboxRow> due(Handle handle, Instant now, long[] excluded, int limit) {
        return handle.createQuery(DUE).bind("now", SqlArguments.of(now)).bind("excluded", SqlArguments.of(excluded))
                .bind("limit", SqlArguments.of(limit)).map(ROW).list();
    }

    /** The chat's claim lock for this transaction, if no other sender holds it. */
    public static boolean tryLockChat(Handle handle, int lockSpace, long chatId) {
        return handle.createQuery(TRY_LOCK_CHAT).bind("lockSpace", SqlArguments.of(lockSpace))
                .bind("chatId", SqlArguments.of(chatId)).map(FLAG).one();
    }

    /** Whether the chat blocked the bot (marked unreachable). */
    public static boolean isBlocked(Handle handle, long chatId) {
        return handle.createQuery(IS_BLOCKED).bind("chatId", SqlArguments.of(chatId)).map(FLAG).one();
    }

    /** Whether the chat has a row in flight or an earlier one still queued (per-chat order). */
    public static boolean hasEarlier(Handle handle, long chatId, long id) {
        return handle.createQuery(HAS_EARLIER).bind("chatId", SqlArguments.of(chatId)).bind("id", SqlArguments.of(id))
                .map(FLAG).one();
    }

    /** Claims a queued row for {@code owner} until {@code leaseUntil}; 1 when claimed. */
    public static int claim(Handle handle, long id, String owner, Instant leaseUntil) {
        return handle.createUpdate(CLAIM).bind("id", SqlArguments.of(id)).bind("owner", SqlArguments.of(owner))
                .bind("leaseUntil", SqlArguments.of(leaseUntil)).execute();
    }
}
