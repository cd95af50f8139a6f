package org.luvhive.core.bot.internal;

import java.time.Instant;
import java.util.Optional;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.RelayMessage;
import org.luvhive.core.chat.SenderState;
import org.luvhive.core.moderation.Screening;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * A message for the partner, screened before it is relayed: moderation judges the text or
 * caption (and whether it carries media) in the update's transaction, so a blocked message
 * never reaches the outbox. Thread-safe.
 */
public final class ModeratedRelay implements UpdateHandler {

    private final Chats chats;
    private final RelayMessage relay;
    private final Screening screening;

    public ModeratedRelay(Chats chats, RelayMessage relay, Screening screening) {
        this.chats = chats;
        this.relay = relay;
        this.screening = screening;
    }

    @Override
    public void handle(UpdateContext context) {
        Optional<SenderState> sender = chats.sender(context.handle(), context.userId());
        Optional<ChatMembership> membership = sender.flatMap(SenderState::chat);
        if (membership.isEmpty()) {
            context.replyText(RelayMessage.NOT_IN_CHAT);
            return;
        }
        relay(context, membership.get(), sender.get().profile().createdAt());
    }

    /**
     * Relays the update's message within this chat, if moderation lets it through;
     * {@code signedUp} is when the sender first came (the caller has their profile at hand).
     */
    public void relay(UpdateContext context, ChatMembership membership, Instant signedUp) {
        Message message = context.update().getMessage();
        String text = message.hasText() ? message.getText() : message.getCaption();
        if (screening.admitMessage(context, membership.chatId(), text, !message.hasText(), signedUp)) {
            relay.relay(context, membership);
        }
    }
}
