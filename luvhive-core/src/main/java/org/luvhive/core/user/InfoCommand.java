package org.luvhive.core.user;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/**
 * A command that answers with fixed text in the sender's language: {@code /help},
 * {@code /rules}, {@code /privacy}. Thread-safe.
 */
public final class InfoCommand implements UpdateHandler {

    public static final String HELP = "info.help";
    public static final String RULES = "info.rules";
    public static final String PRIVACY = "info.privacy";

    private final String key;

    /** @param key the text's key in the message bundles */
    public InfoCommand(String key) {
        this.key = key;
    }

    @Override
    public void handle(UpdateContext context) {
        context.replyText(key);
    }
}
