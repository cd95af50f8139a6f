package org.luvhive.core.bot.internal;

import org.luvhive.core.chat.ChatDeliveryEvents;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/**
 * {@code my_chat_member}: a user who blocks the bot (status "kicked") leaves queue and
 * chat at once, and the partner is told, without waiting for a send to fail. Thread-safe.
 */
public final class BotBlockedHandler implements UpdateHandler {

    private final ChatDeliveryEvents chatEvents;

    public BotBlockedHandler(ChatDeliveryEvents chatEvents) {
        this.chatEvents = chatEvents;
    }

    @Override
    public void handle(UpdateContext context) {
        var change = context.update().getMyChatMember();
        if (change.getNewChatMember() != null && "kicked".equals(change.getNewChatMember().getStatus())
                && change.getChat() != null && "private".equals(change.getChat().getType())) {
            chatEvents.userLeft(context.handle(), change.getChat().getId());
        }
    }
}
