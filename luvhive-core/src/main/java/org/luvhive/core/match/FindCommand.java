package org.luvhive.core.match;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/** {@code /find}: join the queue and meet the first compatible partner. Thread-safe. */
public final class FindCommand implements UpdateHandler {

    public static final String SEARCHING = "🔎 Searching for a partner… I'll tell you as soon as someone is found. "
            + "/cancel to stop searching.";

    private final Matcher matcher;

    public FindCommand(Matcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public void handle(UpdateContext context) {
        tell(context, matcher.search(context.handle(), context.userId(), context.now()));
    }

    public static void tell(UpdateContext context, SearchOutcome outcome) {
        switch (outcome) {
            case WAITING -> context.reply(SEARCHING);
            case ALREADY_WAITING -> context.reply("🔎 You're already searching. /cancel to stop.");
            case IN_CHAT -> context.reply("💬 You're already in a chat. /next for someone else, /stop to end it.");
            case MATCHED -> {
                // both sides got the intro
            }
        }
    }
}
