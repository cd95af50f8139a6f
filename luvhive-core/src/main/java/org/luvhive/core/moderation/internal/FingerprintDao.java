package org.luvhive.core.moderation.internal;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code message_fingerprints}: hashes of relayed texts, for the duplicate rule. */
public interface FingerprintDao {

    /**
     * Records the fingerprint for this chat and returns in how many distinct chats the user
     * sent it since {@code since}, this one included: one round trip.
     */
    @SqlQuery("""
            with added as (
                insert into message_fingerprints (user_id, fingerprint, chat_id, at)
                values (:userId, :fingerprint, :chatId, :now)
            )
            select count(distinct chat_id) + case when bool_or(chat_id = :chatId) then 0 else 1 end
            from message_fingerprints
            where user_id = :userId and fingerprint = :fingerprint and at > :since
            """)
    int recordAndCount(@Bind("userId") long userId, @Bind("fingerprint") long fingerprint, @Bind("chatId") long chatId,
                       @Bind("now") Instant now, @Bind("since") Instant since);

    @SqlUpdate("delete from message_fingerprints where at < :before")
    int deleteBefore(@Bind("before") Instant before);

    @SqlUpdate("delete from message_fingerprints where user_id = :userId")
    int deleteOf(@Bind("userId") long userId);
}
