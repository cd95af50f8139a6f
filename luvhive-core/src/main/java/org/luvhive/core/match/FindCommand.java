package org.luvhive.core.match;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/** {@code /find}: join the queue and meet the first compatible partner. Thread-safe. */
public final class FindCommand implements UpdateHandler {

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
            case WAITING -> {
                // the search sent its status message, which then updates in place
            }
            case ALREADY_WAITING -> context.replyText("search.already");
            case IN_CHAT -> context.replyText("search.in_chat");
            case MATCHED -> {
                // both sides got the intro
            }
        }
    }
}
