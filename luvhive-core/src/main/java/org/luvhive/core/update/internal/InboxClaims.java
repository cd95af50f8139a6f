package org.luvhive.core.update.internal;

import static org.luvhive.core.db.SqlArguments.instant;
import static org.luvhive.core.db.SqlArguments.nullableLong;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
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
                for update skip locked)
            select update_id, kind, user_id, case when held_back then null else payload::text end as payload,
                   attempts, received_at, held_back
            from (select f.*, f.status = 'pending' and f.user_id is not null and exists (
                      select 1 from (
                          select earlier.update_id from inbox earlier
                          where earlier.user_id = f.user_id and earlier.status = 'pending'
                            and earlier.update_id < f.update_id
                          offset 0) earlier
                      where earlier.update_id not in (select update_id from front)) as held_back
                  from front f) f
            order by update_id
            """;

    /**
     * The claim as it was before {@link #CLAIM}, beyond a front held back whole: it walks
     * past every pending update whose user has an earlier one pending, until it has
     * {@code limit} ({@link #claimPastHeld}); its probe is robust to stale statistics as
     * {@link #CLAIM}'s is.
     */
    static final String CLAIM_PAST_HELD = """
            select update_id, kind, user_id, payload::text as payload, attempts, received_at, false as held_back
            from inbox i
            where status in ('pending', 'retry') and next_attempt_at <= :now and update_id > :after
              and not (status = 'pending' and user_id is not null and exists (select 1 from (
                  select earlier.update_id from inbox earlier
                  where earlier.user_id = i.user_id and earlier.status = 'pending' and earlier.update_id < i.update_id
                  offset 0) earlier))
            order by update_id
            limit :limit
            for update skip locked
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
     * transaction: of the first {@code limit} due rows no other transaction holds (the
     * front), those with no earlier pending update of their user outside them. So several
     * of one user's updates in a row are handled together, in order, in this batch; an
     * update whose user has an earlier pending one elsewhere (another transaction holds
     * it, or it is not due on this instance's clock) is held back, locked until this
     * transaction ends, and so are that user's updates after it. Updates waiting for a
     * retry block nobody. The walk follows {@code inbox_claim} (pending and retry rows in
     * update_id order) and stops after {@code limit} rows, so one user's flood of pending
     * updates is taken {@code limit} at a time, never walked whole by every claim. The
     * order probe, one per row in an {@code offset 0} subquery, finds only the user's
     * pending rows ahead of that row: the front's own, and those ahead of it (held by
     * other transactions), never handled history, whatever the statistics.
     *
     * <p>When every row of the front is held back (another transaction is working through
     * the first updates of a user who sent many), nothing is returned and
     * {@link Front#heldWhole()} says so: the caller rolls back, which frees the front, and
     * claims again with {@link #claimPastHeld} in a new transaction, so that other users
     * do not wait for that transaction, however slow its batch.
     */
    public static Front claim(Handle handle, Instant now, int limit) {
        List<Claimed> front = claimed(handle.createQuery(CLAIM), now, limit);
        List<InboxRow> rows = new ArrayList<>(front.size());
        front.stream().filter(claimed -> !claimed.heldBack()).forEach(claimed -> rows.add(claimed.row()));
        return new Front(rows, front.isEmpty() ? 0 : front.get(front.size() - 1).row().updateId());
    }

    /**
     * Up to {@code limit} updates to handle after the front that was held back whole,
     * walking past every pending update whose user has an earlier one pending, as the
     * claim did before {@link #claim}: so that the users queued behind are served. The
     * front's own rows are left to the claimer working through their user's updates (a
     * walk that took the next of them would leave every other front held back whole). It
     * costs a visit of each row walked past.
     */
    public static List<InboxRow> claimPastHeld(Handle handle, Instant now, int limit, Front held) {
        return claimed(handle.createQuery(CLAIM_PAST_HELD).bind("after", SqlArguments.of(held.last())), now, limit)
                .stream().map(Claimed::row).toList();
    }

    /**
     * The updates a claim returned, in update_id order, and the last update_id of its front
     * (0 when no row was due).
     */
    public record Front(List<InboxRow> rows, long last) {

        /** Whether every row of the front was held back: there were some, none is returned. */
        public boolean heldWhole() {
            return rows.isEmpty() && last > 0;
        }
    }

    private static List<Claimed> claimed(Query claim, Instant now, int limit) {
        return claim.bind("now", SqlArguments.of(now)).bind("limit", SqlArguments.of(limit))
                .map((row, context) -> new Claimed(ROW.map(row, context), row.getBoolean("held_back"))).list();
    }

    /** A row of a claim's front, and whether it waits for an earlier update of its user. */
    private record Claimed(InboxRow row, boolean heldBack) {
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
