package org.luvhive.core.update.internal;

import static org.luvhive.core.db.SqlArguments.instant;
import static org.luvhive.core.db.SqlArguments.nullableLong;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.luvhive.core.db.SqlArguments;
import org.luvhive.core.update.internal.IncomingUpdate.Storable;

/**
 * The inbox statements every update pays for, through the fluent API with its row mapper
 * and arguments given (see {@link SqlArguments}): the other inbox statements are
 * {@link InboxDao}'s. Stateless; thread-safe.
 */
public final class InboxClaims {

    static final String CLAIM = """
            with front as materialized (
                select update_id, kind, user_id, payload, attempts, received_at, status from inbox
                where status in ('pending', 'retry') and next_attempt_at <= :now
                order by update_id
                limit :limit
                for update skip locked),
            held_back as materialized (
                select first.user_id from (
                    select user_id, min(update_id) as update_id from front
                    where status = 'pending' and user_id is not null
                    group by user_id) first
                where exists (select 1 from (
                    select earlier.update_id from inbox earlier
                    where earlier.user_id = first.user_id and earlier.status = 'pending'
                      and earlier.update_id < first.update_id
                    offset 0) earlier))
            select update_id, kind, user_id, payload::text as payload, attempts, received_at from front
            where status = 'retry' or not exists (select 1 from held_back where held_back.user_id = front.user_id)
            order by update_id
            """;

    private static final String INSERT_ALL = """
            insert into inbox (update_id, kind, user_id, chat_id, payload, next_attempt_at, received_at)
            select batch.update_id, batch.kind, batch.user_id, batch.chat_id, cast(batch.payload as jsonb), :now, :now
            from unnest(:updateIds, :kinds, :userIds, :chatIds, :payloads)
                as batch (update_id, kind, user_id, chat_id, payload)
            on conflict (update_id) do nothing
            returning update_id
            """;

    private static final String FINISH_ALL = """
            update inbox set status = batch.status, payload = null, handled_at = :now, attempts = attempts + 1,
                   last_error = null
            from unnest(:updateIds, :statuses) as batch (update_id, status)
            where inbox.update_id = batch.update_id
            """;

    private static final RowMapper<InboxRow> ROW = (row, context) -> new InboxRow(row.getLong("update_id"),
            row.getString("kind"), nullableLong(row, "user_id"), row.getString("payload"), row.getInt("attempts"),
            instant(row, "received_at"));

    private InboxClaims() {
    }

    /**
     * Up to {@code limit} updates to handle, in update_id order, locked for this
     * transaction: the first {@code limit} due rows no other transaction holds. A user's
     * updates go in order, so several of one user's pending updates in it are handled
     * together, in order, in this batch; and when an earlier pending update of that user
     * lies outside it (another transaction holds it), none of that user's pending updates
     * in it is returned: they wait, locked until this transaction ends. Updates waiting for
     * a retry block nobody. The walk follows {@code inbox_claim} (pending and retry rows in
     * update_id order) and stops after {@code limit} rows, so one user's flood of pending
     * updates is walked {@code limit} rows at a time, never whole by every claim; the order
     * probe is made once per user, for the user's first pending update in it, and finds
     * only rows ahead of the claim's front (held by other transactions), never handled
     * history.
     */
    public static List<InboxRow> claim(Handle handle, Instant now, int limit) {
        return handle.createQuery(CLAIM).bind("now", SqlArguments.of(now)).bind("limit", SqlArguments.of(limit))
                .map(ROW).list();
    }

    /**
     * Stores a batch of updates in one statement; returns the update_ids that were new (the
     * others were stored before: a redelivery). One value PostgreSQL refuses fails it all.
     */
    public static Set<Long> insertAll(Handle handle, List<Storable> updates, Instant now) {
        int size = updates.size();
        long[] updateIds = new long[size];
        String[] kinds = new String[size];
        Long[] userIds = new Long[size];
        Long[] chatIds = new Long[size];
        String[] payloads = new String[size];
        for (int index = 0; index < size; index++) {
            Storable update = updates.get(index);
            updateIds[index] = update.updateId();
            kinds[index] = update.kind().apiName();
            userIds[index] = update.userId() == 0 ? null : update.userId();
            chatIds[index] = update.chatId() == 0 ? null : update.chatId();
            payloads[index] = update.json();
        }
        return handle.createQuery(INSERT_ALL).bind("updateIds", SqlArguments.of(updateIds))
                .bind("kinds", SqlArguments.of(kinds)).bind("userIds", SqlArguments.ofNullable(userIds))
                .bind("chatIds", SqlArguments.ofNullable(chatIds)).bind("payloads", SqlArguments.of(payloads))
                .bind("now", SqlArguments.of(now)).map((row, context) -> row.getLong(1)).collect(Collectors.toSet());
    }

    /** Marks a batch handled or skipped ({@code statuses[i]} for {@code updateIds[i]}) in one statement. */
    public static int finishAll(Handle handle, long[] updateIds, String[] statuses, Instant now) {
        return handle.createUpdate(FINISH_ALL).bind("updateIds", SqlArguments.of(updateIds))
                .bind("statuses", SqlArguments.of(statuses)).bind("now", SqlArguments.of(now)).execute();
    }
}
