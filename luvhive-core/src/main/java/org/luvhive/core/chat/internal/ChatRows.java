package org.luvhive.core.chat.internal;

import static org.luvhive.core.db.SqlArguments.instant;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.db.SqlArguments;

/**
 * The chat statements every relayed message pays for (the active chat, the copy's id in
 * the relay map), through the fluent API with its row
 * mapper given ({@link SqlArguments} says why); the rest of the chat tables are
 * {@link ChatDao}'s. Stateless; thread-safe.
 */
public final class ChatRows {

    private static final String ACTIVE = ChatDao.MEMBERSHIP + " where m.user_id = :userId and m.active";

    private static final String INSERT_RELAYED = """
            insert into relayed_messages (chat_id, sender_id, source_message_id, recipient_id, copy_message_id,
                                          relayed_at)
            select :chatId, :senderId, :sourceId, :recipientId, :copyId, :now
            where exists (select 1 from chats where id = :chatId)
            on conflict do nothing
            """;

    private static final RowMapper<ChatMembership> MEMBERSHIP = (row, context) -> new ChatMembership(
            row.getLong("chat_id"), row.getLong("user_id"), row.getLong("partner_id"), row.getBoolean("active"),
            instant(row, "started_at"), instant(row, "ended_at"));

    private ChatRows() {
    }

    /** The user's chat, while it is on. */
    public static Optional<ChatMembership> active(Handle handle, long userId) {
        return handle.createQuery(ACTIVE).bind("userId", SqlArguments.of(userId)).map(MEMBERSHIP).findOne();
    }

    /**
     * Maps a delivered copy to its source message (for replies, edits, unsend and reports);
     * nothing when the chat is gone (forgotten meanwhile). Returns the rows inserted.
     */
    public static int insertRelayed(Handle handle, long chatId, long senderId, int sourceId, long recipientId,
                                    int copyId, Instant now) {
        return handle.createUpdate(INSERT_RELAYED).bind("chatId", SqlArguments.of(chatId))
                .bind("senderId", SqlArguments.of(senderId)).bind("sourceId", SqlArguments.of(sourceId))
                .bind("recipientId", SqlArguments.of(recipientId)).bind("copyId", SqlArguments.of(copyId))
                .bind("now", SqlArguments.of(now)).execute();
    }
}
