package org.luvhive.core.chat;

/**
 * A message of {@code senderId} and its copy in {@code recipientId}'s chat. Ids only.
 * Immutable.
 */
public record RelayedMessage(long chatId, long senderId, int sourceMessageId, long recipientId, int copyMessageId) {
}
