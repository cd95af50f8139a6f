package org.luvhive.core.chat.internal;

import static org.luvhive.core.db.SqlArguments.instant;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.db.SqlArguments;

/**
 * The chat lookup every relayed message pays for (the active chat; the copy's id goes into
 * the relay map through {@link RelayedCopies}), through the fluent API with its row
 * mapper given ({@link SqlArguments} says why); the rest of the chat tables are
 * {@link ChatDao}'s. Stateless; thread-safe.
 */
public final class ChatRows {

    private static final String ACTIVE = ChatDao.MEMBERSHIP + " where m.user_id = :userId and m.active";

    private static final RowMapper<ChatMembership> MEMBERSHIP = (row, context) -> new ChatMembership(
            row.getLong("chat_id"), row.getLong("user_id"), row.getLong("partner_id"), row.getBoolean("active"),
            instant(row, "started_at"), instant(row, "ended_at"));

    private ChatRows() {
    }

    /** The user's chat, while it is on. */
    public static Optional<ChatMembership> active(Handle handle, long userId) {
        return handle.createQuery(ACTIVE).bind("userId", SqlArguments.of(userId)).map(MEMBERSHIP).findOne();
    }
}
