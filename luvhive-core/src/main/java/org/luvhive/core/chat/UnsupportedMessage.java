package org.luvhive.core.chat;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/** A kind of message the bot does not relay: the sender is told, never silently ignored. Thread-safe. */
public final class UnsupportedMessage implements UpdateHandler {

    public static final String TEXT = "⚠️ This kind of message can't be passed on. You can send text, photos, "
            + "videos, GIFs, stickers, voice and video notes, audio, files, locations and contacts.";

    @Override
    public void handle(UpdateContext context) {
        context.reply(TEXT);
    }
}
