package org.luvhive.core.delivery.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code outbox}; queueing, finding due, claiming and marking sent, on the hot path, are {@link OutboxStatements}. */
@RegisterConstructorMapper(OutboxRow.class)
public interface OutboxDao {

    String COLUMNS = "id, chat_id, priority, method, payload::text as payload, correlation, attempts, created_at";

    /** Back to the queue; a flood wait does not count as an attempt. */
    @SqlUpdate("""
            update outbox set status = 'queued', not_before = :notBefore, lease_owner = null, lease_until = null,
                   last_error = :error, attempts = attempts - case when :refundAttempt then 1 else 0 end
            where id = :id and status = 'sending'
            """)
    int requeue(@Bind("id") long id, @Bind("notBefore") Instant notBefore, @Bind("error") String error,
                @Bind("refundAttempt") boolean refundAttempt);

    @SqlUpdate("""
            update outbox set status = 'parked', lease_owner = null, lease_until = null, last_error = :reason
            where id = :id and status = 'sending'
            """)
    int park(@Bind("id") long id, @Bind("reason") String reason);

    @SqlUpdate("""
            update outbox set status = 'cancelled', payload = null, last_error = :reason
            where chat_id = :chatId and status = 'queued'
            """)
    int cancelQueuedFor(@Bind("chatId") long chatId, @Bind("reason") String reason);

    /** Everything queued, in flight, sent or parked for the chat. */
    @SqlUpdate("delete from outbox where chat_id = :chatId")
    int deleteFor(@Bind("chatId") long chatId);

    /**
     * Rows whose correlation matches the LIKE {@code pattern}: queued ones are cancelled;
     * every one loses its payload and correlation.
     */
    @SqlUpdate("""
            update outbox set payload = null, correlation = null,
                   status = case when status = 'queued' then 'cancelled' else status end
            where correlation like :pattern
            """)
    int dropCorrelated(@Bind("pattern") String pattern);

    /** Rows whose sender died mid-send: queued again (sent at least once). */
    @SqlUpdate("""
            update outbox set status = 'queued', lease_owner = null, lease_until = null,
                   last_error = 'lease expired: the sending instance stopped before recording the outcome'
            where status = 'sending' and lease_until < :now
            """)
    int releaseExpiredLeases(@Bind("now") Instant now);

    /**
     * The advisory lock of a claim owner ({@link ClaimOwnerSession}) is held by no session: it is
     * gone. Uncorrelated, so the lock table is read once per statement, not once per row.
     */
    String NO_OWNER_SESSION = """
            cast(hashtext(o.lease_owner) as oid) not in (
                select l.objid from pg_locks l
                where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                  and l.database = (select oid from pg_database where datname = current_database())
                  and l.classid = cast(:lockSpace as oid))
            """;

    /**
     * Owners of claims whose session is gone: no session holds their owner lock. Only
     * owners that hold such a lock ({@code session:} names) are judged this way.
     */
    @SqlQuery("select distinct lease_owner from outbox o "
            + "where status = 'sending' and lease_owner like 'session:%' and " + NO_OWNER_SESSION)
    List<String> ownersWithoutSession(@Bind("lockSpace") int lockSpace);

    /** The claims of these owners, if their session is still gone, queued again at once. */
    @SqlUpdate("update outbox o set status = 'queued', lease_owner = null, lease_until = null, "
            + "last_error = 'claim freed: the sending instance is gone (its database session ended)' "
            + "where status = 'sending' and lease_owner = any(:owners) and " + NO_OWNER_SESSION)
    int releaseClaimsOf(@Bind("owners") String[] owners, @Bind("lockSpace") int lockSpace);

    @SqlQuery("select " + COLUMNS + " from outbox where id = :id")
    Optional<OutboxRow> find(@Bind("id") long id);

    /** Sent and cancelled rows created before {@code :before} (who was sent something when). */
    String FINISHED_BEFORE = "status in ('sent', 'cancelled') and created_at < :before";

    /** Those rows in batches: short transactions, short locks. */
    @SqlUpdate("delete from outbox where id in (select id from outbox where " + FINISHED_BEFORE + " limit :batch)")
    int deleteFinishedBefore(@Bind("before") Instant before, @Bind("batch") int batch);

    @SqlQuery("select count(*) from outbox where " + FINISHED_BEFORE)
    long countFinishedBefore(@Bind("before") Instant before);
}
