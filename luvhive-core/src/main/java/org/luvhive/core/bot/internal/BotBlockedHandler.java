package org.luvhive.core.bot.internal;

import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.EndReason;
import org.luvhive.core.delivery.DeliveryEvents;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/**
 * A user who blocks the bot leaves queue and chat at once, and the partner is told: on
 * {@code my_chat_member} with status "kicked", without waiting for a send to fail, and
 * when the sender gets a 403 for them. Thread-safe.
 */
public final class BotBlockedHandler implements UpdateHandler, DeliveryEvents {

    private final Chats chats;
    private final Matcher matcher;
    private final Clock clock;

    public BotBlockedHandler(Chats chats, Matcher matcher, Clock clock) {
        this.chats = chats;
        this.matcher = matcher;
        this.clock = clock;
    }

    @Override
    public void handle(UpdateContext context) {
        var change = context.update().getMyChatMember();
        if (change.getNewChatMember() != null && "kicked".equals(change.getNewChatMember().getStatus())
                && change.getChat() != null && "private".equals(change.getChat().getType())) {
            userLeft(context.handle(), change.getChat().getId());
        }
    }

    @Override
    public void recipientBlocked(Handle handle, long chatId) {
        userLeft(handle, chatId);
    }

    private void userLeft(Handle handle, long userId) {
        matcher.leave(handle, userId);
        chats.end(handle, userId, EndReason.BOT_BLOCKED, clock.instant());
    }
}
