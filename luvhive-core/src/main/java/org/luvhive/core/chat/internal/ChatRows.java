package org.luvhive.core.chat.internal;

import static org.luvhive.core.db.SqlArguments.instant;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.chat.SenderState;
import org.luvhive.core.db.SqlArguments;
import org.luvhive.core.user.Users;

/**
 * The chat lookup every relayed message pays for (the active chat, read with the sender's
 * profile; the copy's id goes into
 * the relay map through {@link RelayedCopies}), through the fluent API with its row
 * mapper given ({@link SqlArguments} says why); the rest of the chat tables are
 * {@link ChatDao}'s. Stateless; thread-safe.
 */
public final class ChatRows {

    private static final String ACTIVE = ChatDao.MEMBERSHIP + " where m.user_id = :userId and m.active";

    private static final RowMapper<ChatMembership> MEMBERSHIP = (row, context) -> new ChatMembership(
            row.getLong("chat_id"), row.getLong("user_id"), row.getLong("partner_id"), row.getBoolean("active"),
            instant(row, "started_at"), instant(row, "ended_at"));

    /** The user's profile and the chat they are in, if any: the two reads of every message, in one round trip. */
    private static final String SENDER = "select u.*, m.chat_id, m.partner_id, m.active, m.started_at, m.ended_at"
            + " from (select " + Users.PROFILE_COLUMNS + " from users where user_id = :userId) u"
            + " left join lateral (" + ChatDao.MEMBERSHIP + " where m.user_id = u.user_id and m.active) m on true";

    private static final RowMapper<SenderState> SENDER_STATE = (row, context) -> new SenderState(
            Users.profileMapper().map(row, context),
            row.getObject("chat_id") == null ? Optional.empty() : Optional.of(MEMBERSHIP.map(row, context)));

    private ChatRows() {
    }

    /** The user's profile and active chat, read together; empty for someone not registered. */
    public static Optional<SenderState> sender(Handle handle, long userId) {
        return handle.createQuery(SENDER).bind("userId", SqlArguments.of(userId)).map(SENDER_STATE).findOne();
    }

    /** The user's chat, while it is on. */
    public static Optional<ChatMembership> active(Handle handle, long userId) {
        return handle.createQuery(ACTIVE).bind("userId", SqlArguments.of(userId)).map(MEMBERSHIP).findOne();
    }
}
