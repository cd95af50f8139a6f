package org.luvhive.core.chat;

import java.util.Optional;
import org.luvhive.core.chat.internal.ChatDao;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Copies a message to the sender's partner (copy, never forward, so nothing points back
 * to the sender). A reply stays a reply: the replied-to message is looked up in the relay
 * map. The copy's new id comes back through {@link ChatDeliveryEvents}, which records it.
 * Stateless; thread-safe.
 */
public final class RelayMessage implements UpdateHandler {

    /** The key of "you're not in a chat". */
    public static final String NOT_IN_CHAT = "chat.not_in_chat";

    @Override
    public void handle(UpdateContext context) {
        Optional<ChatMembership> membership = context.handle().attach(ChatDao.class).active(context.userId());
        if (membership.isEmpty()) {
            context.replyText(NOT_IN_CHAT);
            return;
        }
        relay(context, membership.get());
    }

    /** Relays the update's message within this chat. */
    public void relay(UpdateContext context, ChatMembership membership) {
        Message message = context.update().getMessage();
        long partner = membership.partnerId();
        CopyMessage.CopyMessageBuilder<?, ?> copy = CopyMessage.builder()
                .chatId(partner)
                .fromChatId(message.getChatId())
                .messageId(message.getMessageId());
        replyTarget(context, message).ifPresent(target -> copy.replyParameters(
                ReplyParameters.builder().messageId(target).allowSendingWithoutReply(true).build()));
        context.send(OutboundMessage.of(partner, Priority.RELAY, copy.build())
                .correlatedWith(RelayCorrelation.of(membership.chatId(), context.userId(), message.getMessageId())));
    }

    /** The id, in the partner's chat, of the message this one replies to. */
    private static Optional<Integer> replyTarget(UpdateContext context, Message message) {
        Message repliedTo = message.getReplyToMessage();
        if (repliedTo == null) {
            return Optional.empty();
        }
        ChatDao chats = context.handle().attach(ChatDao.class);
        int repliedId = repliedTo.getMessageId();
        Optional<RelayedMessage> ownMessage = chats.bySource(context.userId(), repliedId);
        if (ownMessage.isPresent()) {
            return Optional.of(ownMessage.get().copyMessageId());
        }
        return chats.byCopy(context.userId(), repliedId).map(RelayedMessage::sourceMessageId);
    }
}
