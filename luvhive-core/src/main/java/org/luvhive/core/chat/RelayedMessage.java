package org.luvhive.core.chat;

import java.time.Instant;

/**
 * A message of {@code senderId} and its copy in {@code recipientId}'s chat, made at
 * {@code relayedAt}. Ids only. Immutable.
 */
public record RelayedMessage(long chatId, long senderId, int sourceMessageId, long recipientId, int copyMessageId,
                             Instant relayedAt) {
}
