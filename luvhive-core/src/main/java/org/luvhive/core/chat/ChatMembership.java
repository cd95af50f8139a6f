package org.luvhive.core.chat;

import java.time.Instant;

/**
 * One side of a chat: the user, their partner, and when the chat started and ended
 * ({@code endedAt} null while it is active). Immutable.
 */
public record ChatMembership(long chatId, long userId, long partnerId, boolean active, Instant startedAt,
                             Instant endedAt) {
}
