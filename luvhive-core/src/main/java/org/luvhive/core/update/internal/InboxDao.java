package org.luvhive.core.update.internal;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code inbox}; the claim and the handled marks, on the hot path, are {@link InboxClaims}. */
public interface InboxDao {

    @SqlUpdate("""
            insert into inbox (update_id, kind, user_id, chat_id, payload, next_attempt_at, received_at)
            values (:updateId, :kind, :userId, :chatId, cast(:payload as jsonb), :now, :now)
            on conflict (update_id) do nothing
            """)
    int insert(@Bind("updateId") long updateId, @Bind("kind") String kind, @Bind("userId") Long userId,
               @Bind("chatId") Long chatId, @Bind("payload") String payload, @Bind("now") Instant now);

    @SqlUpdate("""
            update inbox set status = 'retry', attempts = attempts + 1, next_attempt_at = :nextAttempt,
                   last_error = :error
            where update_id = :updateId
            """)
    int retryLater(@Bind("updateId") long updateId, @Bind("nextAttempt") Instant nextAttempt, @Bind("error") String error);

    /** Parked for good: the payload stays, so an operator can see and replay it. */
    @SqlUpdate("""
            update inbox set status = 'dead', attempts = attempts + 1, handled_at = :now, last_error = :error
            where update_id = :updateId
            """)
    int park(@Bind("updateId") long updateId, @Bind("now") Instant now, @Bind("error") String error);

    /**
     * The user's updates keep only their update_id (redelivery detection): no user, chat,
     * payload or error. Their pending updates after {@code current} are left to be handled
     * (they come after the forgetting); one waiting for a retry is skipped, its payload gone.
     */
    @SqlUpdate("""
            update inbox set user_id = null, chat_id = null, payload = null, last_error = null,
                   status = case when status = 'retry' then 'skipped' else status end
            where (user_id = :userId or chat_id = :userId) and (status <> 'pending' or update_id = :current)
            """)
    int forgetUser(@Bind("userId") long userId, @Bind("current") long current);

    /** Handled and skipped updates received before {@code :before}. */
    String FINISHED_BEFORE = "status in ('handled', 'skipped') and received_at < :before";
    /** Dead letters received before {@code :before}. */
    String DEAD_BEFORE = "status = 'dead' and received_at < :before";
    /** Finished updates received before {@code :before} that still say whose they were. */
    String NAMED_BEFORE = FINISHED_BEFORE + " and (user_id is not null or chat_id is not null)";

    @SqlUpdate("delete from inbox where update_id in (select update_id from inbox where " + FINISHED_BEFORE
            + " limit :batch)")
    int deleteFinishedBefore(@Bind("before") Instant before, @Bind("batch") int batch);

    @SqlQuery("select count(*) from inbox where " + FINISHED_BEFORE)
    long countFinishedBefore(@Bind("before") Instant before);

    @SqlUpdate("delete from inbox where update_id in (select update_id from inbox where " + DEAD_BEFORE
            + " limit :batch)")
    int deleteDeadBefore(@Bind("before") Instant before, @Bind("batch") int batch);

    @SqlQuery("select count(*) from inbox where " + DEAD_BEFORE)
    long countDeadBefore(@Bind("before") Instant before);

    @SqlQuery("select count(*) from inbox where status in ('pending', 'retry')")
    long waitingCount();

    /** Handled updates keep their update_id (redelivery detection) but no longer say whose they were. */
    @SqlUpdate("update inbox set user_id = null, chat_id = null where update_id in (select update_id from inbox where "
            + NAMED_BEFORE + " limit :batch)")
    int forgetUsersBefore(@Bind("before") Instant before, @Bind("batch") int batch);

    /** Named finished updates received before {@code :before} but not before {@code :from}. */
    @SqlQuery("select count(*) from inbox where " + NAMED_BEFORE + " and received_at >= :from")
    long countNamedBetween(@Bind("from") Instant from, @Bind("before") Instant before);
}
