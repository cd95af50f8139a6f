package org.luvhive.core.chat.internal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code reveal_consents}. */
public interface RevealDao {

    /** Locks the chat's row, so two consents to one chat are decided one after the other. */
    @SqlQuery("select ended_at is null from chats where id = :chatId for update")
    Optional<Boolean> lockChat(@Bind("chatId") long chatId);

    @SqlUpdate("""
            insert into reveal_consents (chat_id, user_id, username, consented_at)
            values (:chatId, :userId, :username, :now)
            on conflict do nothing
            """)
    int consent(@Bind("chatId") long chatId, @Bind("userId") long userId, @Bind("username") String username,
                @Bind("now") Instant now);

    /** The partner's consent: present with an empty username when they have none. */
    @SqlQuery("select coalesce(username, '') from reveal_consents where chat_id = :chatId and user_id = :userId")
    Optional<String> consentOf(@Bind("chatId") long chatId, @Bind("userId") long userId);

    @SqlUpdate("delete from reveal_consents where chat_id = :chatId and user_id = :userId")
    int withdraw(@Bind("chatId") long chatId, @Bind("userId") long userId);

    @SqlUpdate("delete from reveal_consents where chat_id = :chatId")
    int clear(@Bind("chatId") long chatId);
}
