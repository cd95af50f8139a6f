package org.luvhive.core.chat;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/** A kind of message the bot does not relay: the sender is told, never silently ignored. Thread-safe. */
public final class UnsupportedMessage implements UpdateHandler {

    @Override
    public void handle(UpdateContext context) {
        context.replyText("chat.unsupported");
    }
}
