package org.luvhive.core.delivery.internal;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code blocked_recipients}, and the outbox's figures. */
public interface DeliveryDao {

    @SqlUpdate("""
            insert into blocked_recipients (chat_id, blocked_at, reason) values (:chatId, :now, :reason)
            on conflict (chat_id) do update set blocked_at = excluded.blocked_at, reason = excluded.reason
            """)
    void markBlocked(@Bind("chatId") long chatId, @Bind("now") Instant now, @Bind("reason") String reason);

    /** Waits for, then holds until the transaction ends, the recipient's lock ({@link RecipientLock}). */
    @SqlQuery("select 1 from (select pg_advisory_xact_lock(:lockSpace, hashtext(:chatId::text))) as locked")
    int lockRecipient(@Bind("lockSpace") int lockSpace, @Bind("chatId") long chatId);

    @SqlUpdate("delete from blocked_recipients where chat_id = :chatId")
    int unblock(@Bind("chatId") long chatId);

    @SqlUpdate("delete from blocked_recipients where chat_id = any(:chatIds)")
    int unblockAll(@Bind("chatIds") long[] chatIds);

    /**
     * Whether the user sent the bot anything, or had something of theirs handled, after
     * {@code since}: then a 403 for a message queued at {@code since} is older than their
     * return. (A block itself, a my_chat_member update, does not count.)
     */
    @SqlQuery("select exists (select 1 from inbox where user_id = :chatId and kind <> 'my_chat_member'"
            + " and (received_at > :since or handled_at > :since))")
    boolean wroteSince(@Bind("chatId") long chatId, @Bind("since") Instant since);


    @SqlQuery("select count(*) from outbox where status in ('queued', 'sending')")
    long depth();

    @SqlQuery("select min(created_at) from outbox where status in ('queued', 'sending')")
    Instant oldestWaiting();

    @SqlQuery("select count(*) from outbox where status = 'parked'")
    long parkedCount();
}
