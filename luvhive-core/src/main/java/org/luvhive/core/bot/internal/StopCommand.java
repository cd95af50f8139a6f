package org.luvhive.core.bot.internal;

import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.EndReason;
import org.luvhive.core.chat.RelayMessage;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/** {@code /stop}: end the chat (the partner is told), or stop searching. Thread-safe. */
public final class StopCommand implements UpdateHandler {

    private final Chats chats;
    private final Matcher matcher;

    public StopCommand(Chats chats, Matcher matcher) {
        this.chats = chats;
        this.matcher = matcher;
    }

    @Override
    public void handle(UpdateContext context) {
        if (chats.end(context.handle(), context.userId(), EndReason.STOP, context.now()).isPresent()) {
            return;
        }
        if (matcher.stopSearching(context.handle(), context.userId())) {
            context.replyText("search.cancelled");
        } else {
            context.replyText(RelayMessage.NOT_IN_CHAT);
        }
    }
}
