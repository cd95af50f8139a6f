package org.luvhive.core.chat.internal;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code reopen_requests}. */
public interface ReopenDao {

    @SqlUpdate("""
            insert into reopen_requests (chat_id, user_id, requested_at) values (:chatId, :userId, :now)
            on conflict do nothing
            """)
    int request(@Bind("chatId") long chatId, @Bind("userId") long userId, @Bind("now") Instant now);

    @SqlQuery("select exists (select 1 from reopen_requests where chat_id = :chatId and user_id = :userId)")
    boolean requested(@Bind("chatId") long chatId, @Bind("userId") long userId);

    @SqlUpdate("delete from reopen_requests where chat_id = :chatId")
    int clear(@Bind("chatId") long chatId);

    /** Requests of chats that ended before {@code endedBefore}: too late to reopen. */
    @SqlUpdate("""
            delete from reopen_requests r using chats c
            where c.id = r.chat_id and c.ended_at < :endedBefore
            """)
    int prune(@Bind("endedBefore") Instant endedBefore);
}
