package org.luvhive.core.bot.internal;

import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.EndReason;
import org.luvhive.core.match.FindCommand;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/** {@code /next}: end the current chat (the partner is told) and search again, same filters. Thread-safe. */
public final class NextCommand implements UpdateHandler {

    private final Matcher matcher;
    private final Chats chats;

    public NextCommand(Matcher matcher, Chats chats) {
        this.matcher = matcher;
        this.chats = chats;
    }

    @Override
    public void handle(UpdateContext context) {
        chats.end(context.handle(), context.userId(), EndReason.NEXT, context.now());
        FindCommand.tell(context, matcher.search(context.handle(), context.userId(), context.now()));
    }
}
