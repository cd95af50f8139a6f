package org.luvhive.core.delivery.internal;

import static org.luvhive.core.db.SqlArguments.instant;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.luvhive.core.db.SqlArguments;

/**
 * The outbox statements every relayed message pays for (queue it, find it due, claim it,
 * mark it sent),
 * through the fluent API with row mappers and arguments given ({@link SqlArguments} says
 * why); the rest are {@link OutboxDao}'s. Stateless; thread-safe.
 */
public final class OutboxStatements {

    private static final String INSERT = """
            insert into outbox (chat_id, priority, method, payload, correlation, not_before, created_at)
            values (:chatId, :priority, :method, cast(:payload as jsonb), :correlation, :now, :now)
            returning id
            """;

    /**
     * The order check of {@link #DUE} ends in {@code offset 0}, so PostgreSQL keeps it a
     * probe of outbox_chat_pending per row instead of turning it into an anti-join. Its
     * statistics come from autovacuum's last look, when the queue was mostly sent rows:
     * believing one row queued, it joined every queued row with every other (a read of 200
     * due rows with 1,100 queued took 1.2 s in bench-relay; the probe 9 ms).
     * {@code OutboxPlansTest} stages that.
     */
    private static final String PROBE = " offset 0";

    static final String DUE = "select " + OutboxDao.COLUMNS + " from outbox o "
            + "where status = 'queued' and not_before <= :now and chat_id <> all(:excluded) "
            + "and not exists (select 1 from outbox earlier where earlier.chat_id = o.chat_id "
            + "    and earlier.status in ('queued', 'sending') and earlier.id < o.id" + PROBE + ") "
            + "order by priority, id limit :limit";

    /**
     * Claims several rows of different chats in one statement and one commit: a row is
     * claimed only if its chat's claim lock is free, the chat did not block the bot, and
     * nothing earlier of the chat is queued or in flight. The queued rows of a blocked chat
     * are cancelled in the same statement. The order checks read the statement's snapshot,
     * taken before the chat locks: a row is pending in every snapshot from its insert until
     * it is sent, so a snapshot older than the lock can only make a claim wait, never let a
     * row overtake an earlier one.
     * <p>
     * Every row is found from the candidates, whatever the statistics say: a candidate's row
     * by primary key and its chat's pending rows through outbox_chat_pending, each in a
     * subquery ending in {@code offset 0} (PostgreSQL pushes no condition into it, so no
     * other partial index on status can serve it), and the updates join on the id and the
     * status read (a join condition, which no partial index can serve); the order check
     * and the lock take the row's own chat, as read, not the caller's. Written as one
     * update over the queue, with statistics from when nearly nothing was queued, the
     * planner walked every queued row, testing its order and taking its chat's lock: one
     * claim took 9 s with 27,000 queued in bench-relay. {@code OutboxPlansTest} stages that.
     */
    static final String CLAIM_ALL = """
            with candidate as materialized (
                select c.id, c.chat_id, seen.chat_id as row_chat, seen.status
                from unnest(:ids, :chats) as c(id, chat_id)
                left join lateral (select x.chat_id, x.status from outbox x where x.id = c.id offset 0) seen on true
            ), blocked as materialized (
                select c.chat_id from candidate c
                where exists (select 1 from blocked_recipients b where b.chat_id = c.chat_id)
            ), doomed as materialized (
                select pending.id, pending.status from blocked b cross join lateral (
                    select x.id, x.status from outbox x
                    where x.chat_id = b.chat_id and x.status in ('queued', 'sending') offset 0) pending
                where pending.status = 'queued'
            ), cancelled as (
                update outbox o set status = 'cancelled', payload = null, last_error = 'recipient blocked the bot'
                from doomed d
                where o.id = d.id and o.status = d.status
                returning o.id
            ), free as materialized (
                select c.id, c.status from candidate c
                where c.status = 'queued'
                  and c.chat_id not in (select chat_id from blocked)
                  and not exists (select 1 from (select e.id, e.status from outbox e
                                                 where e.chat_id = c.row_chat and e.status in ('queued', 'sending')
                                                 offset 0) e
                                  where e.status = 'sending' or e.id < c.id)
                  and pg_try_advisory_xact_lock(:lockSpace, hashtext(c.row_chat::text))
            ), claimed as (
                update outbox o set status = 'sending', lease_owner = :owner, lease_until = :leaseUntil,
                       attempts = o.attempts + 1
                from free f
                where o.id = f.id and o.status = f.status
                returning o.id
            )
            select c.id,
                   case when c.id in (select id from claimed) then 'CLAIMED'
                        when c.chat_id in (select chat_id from blocked) then 'GONE'
                        when c.status = 'queued' then 'WAIT'
                        else 'GONE' end as result
            from candidate c
            """;

    /**
     * A row is marked while in flight, or when its claim was freed (its sender's session
     * was found gone, or its lease ran out) and nobody claimed it since: every claim counts
     * an attempt, so the attempts it had after our claim say no other sender has it. A send
     * Telegram accepted is then recorded rather than made again (a database outage can end
     * a live sender's session long enough for another instance to free its claims). The
     * status test is a {@code case}, which proves no partial index's condition, so the rows
     * are found by primary key (as an {@code or} of statuses it let the planner scan every
     * pending row for a few marks).
     */
    static final String MARK_SENT = """
            update outbox o set status = 'sent', payload = null, sent_at = :now,
                   telegram_message_id = m.message_id::integer, lease_owner = null, lease_until = null, last_error = null
            from unnest(:ids, :messageIds, :attempts) as m(id, message_id, attempts)
            where o.id = m.id
              and case o.status
                      when 'sending' then true
                      when 'queued' then o.lease_owner is null and o.attempts = m.attempts
                                         and (o.last_error like 'claim freed:%' or o.last_error like 'lease expired:%')
                      else false end
            returning o.id
            """;

    private static final RowMapper<OutboxRow> ROW = (row, context) -> new OutboxRow(row.getLong("id"),
            row.getLong("chat_id"), row.getInt("priority"), row.getString("method"), row.getString("payload"),
            row.getString("correlation"), row.getInt("attempts"), instant(row, "created_at"));

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

    /**
     * Claims the given rows (of different chats) for {@code owner} until {@code leaseUntil}
     * in one statement ({@link #CLAIM_ALL} says under which rule); the result of each, by id.
     */
    public static Map<Long, ClaimStep.Result> claimAll(Handle handle, List<OutboxRow> rows, int lockSpace,
                                                       String owner, Instant leaseUntil) {
        long[] ids = rows.stream().mapToLong(OutboxRow::id).toArray();
        long[] chats = rows.stream().mapToLong(OutboxRow::chatId).toArray();
        Map<Long, ClaimStep.Result> results = new HashMap<>();
        handle.createQuery(CLAIM_ALL).bind("ids", SqlArguments.of(ids)).bind("chats", SqlArguments.of(chats))
                .bind("owner", SqlArguments.of(owner)).bind("leaseUntil", SqlArguments.of(leaseUntil))
                .bind("lockSpace", SqlArguments.of(lockSpace))
                .map((row, context) -> Map.entry(row.getLong(1), ClaimStep.Result.valueOf(row.getString(2))))
                .forEach(entry -> results.put(entry.getKey(), entry.getValue()));
        return results;
    }

    /**
     * Marks rows as sent, with the id Telegram gave each copy (null where the call returns
     * none) and the attempts each had once claimed for this send; returns the ids that
     * were still ours ({@link #MARK_SENT} says when) and are now marked.
     */
    public static List<Long> markSent(Handle handle, long[] ids, Long[] messageIds, long[] attempts, Instant now) {
        return handle.createQuery(MARK_SENT).bind("ids", SqlArguments.of(ids))
                .bind("messageIds", SqlArguments.ofNullable(messageIds)).bind("attempts", SqlArguments.of(attempts))
                .bind("now", SqlArguments.of(now)).map((row, context) -> row.getLong(1)).list();
    }
}
