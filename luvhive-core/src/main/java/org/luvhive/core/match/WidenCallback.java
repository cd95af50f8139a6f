package org.luvhive.core.match;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/**
 * The offer made to a user who waited long ({@code wide:yes} widens their filters for this
 * search and pairs them at once if anyone fits now, {@code wide:keep} keeps waiting as they
 * are, {@code wide:stop} leaves the queue). The buttons go once used. Thread-safe.
 */
public final class WidenCallback implements UpdateHandler {

    public static final String PREFIX = "wide:";

    private final Matcher matcher;

    public WidenCallback(Matcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        String choice = arguments.length == 1 ? arguments[0] : "";
        if (!matcher.isWaiting(context.handle(), context.userId())) {
            answerCallback(context, context.text("search.widen.not_searching"), false);
            editKeyboard(context, null);
            return;
        }
        switch (choice) {
            case "yes" -> {
                boolean widened = matcher.widen(context.handle(), context.userId(), context.now());
                answerCallback(context, context.text(widened ? "search.widen.done" : "search.widen.already"), false);
            }
            case "keep" -> answerCallback(context, context.text("search.widen.kept"), false);
            case "stop" -> {
                matcher.stopSearching(context.handle(), context.userId());
                answerCallback(context);
                context.replyText("search.cancelled");
            }
            default -> {
                answerCallback(context, context.text("filters.unknown"), false);
                return;
            }
        }
        editKeyboard(context, null);
    }
}
