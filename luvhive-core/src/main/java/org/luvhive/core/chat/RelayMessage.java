package org.luvhive.core.chat;

import java.util.Optional;
import org.luvhive.core.chat.internal.ChatDao;
import org.luvhive.core.chat.internal.ChatRows;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.telegram.SendMediaById;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Copies a message to the sender's partner (copy, never forward, so nothing points back
 * to the sender). A reply stays a reply: the replied-to message is looked up in the relay
 * map. Photos, videos, GIFs and video notes go through {@link MediaConsent}: held until the
 * partner allows media in this chat, then resent by file_id, blurred unless the partner
 * turned spoilers off. The copy's new id comes back through {@link ChatDeliveryEvents}, which
 * records it. Thread-safe.
 */
public final class RelayMessage implements UpdateHandler {

    /** The key of "you're not in a chat". */
    public static final String NOT_IN_CHAT = "chat.not_in_chat";

    private final MediaConsent consent;

    public RelayMessage(MediaConsent consent) {
        this.consent = consent;
    }

    @Override
    public void handle(UpdateContext context) {
        Optional<ChatMembership> membership = ChatRows.active(context.handle(), context.userId());
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
        Optional<Integer> replyTarget = replyTarget(context, message);
        Optional<SendMediaById.Kind> media = SendMediaById.Kind.of(message);
        if (media.isPresent()) {
            relayMedia(context, membership, message, new MediaConsent.Medium(media.get(), media.get().fileId(message),
                    message.getCaption(), message.getCaptionEntities(), replyTarget.orElse(null)));
            return;
        }
        CopyMessage.CopyMessageBuilder<?, ?> copy = CopyMessage.builder()
                .chatId(partner)
                .fromChatId(message.getChatId())
                .messageId(message.getMessageId());
        replyTarget.ifPresent(target -> copy.replyParameters(
                ReplyParameters.builder().messageId(target).allowSendingWithoutReply(true).build()));
        context.send(OutboundMessage.of(partner, Priority.RELAY, copy.build())
                .correlatedWith(RelayCorrelation.of(membership.chatId(), context.userId(), message.getMessageId())));
    }

    private void relayMedia(UpdateContext context, ChatMembership membership, Message message,
                            MediaConsent.Medium medium) {
        long partner = membership.partnerId();
        MediaConsent.Gate gate = consent.gate(context.handle(), membership.chatId(), partner);
        switch (gate) {
            case DELIVER -> context.send(consent.delivery(context.handle(), membership.chatId(), context.userId(),
                    message.getMessageId(), partner, medium));
            case ASK, HOLD -> consent.hold(context.handle(), context.outbox(), gate, membership.chatId(),
                    context.userId(), message.getMessageId(), partner, medium, context.now());
            case REFUSE -> context.replyText("media.refused");
            case NO_CHAT -> context.replyText(NOT_IN_CHAT);
        }
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
