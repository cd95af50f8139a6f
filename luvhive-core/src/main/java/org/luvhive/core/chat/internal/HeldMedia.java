package org.luvhive.core.chat.internal;

/**
 * One medium held until its receiver allows media in the chat: enough to send it again by
 * file_id, with its caption, and the message it replied to in the receiver's chat. Immutable.
 */
public record HeldMedia(long id, long chatId, long senderId, long recipientId, int sourceMessageId, String kind,
                        String fileId, String caption, String captionEntities, Integer replyToCopyId) {
}
