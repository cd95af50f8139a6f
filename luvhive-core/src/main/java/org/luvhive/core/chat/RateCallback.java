package org.luvhive.core.chat;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.dropButtons;

import java.util.Optional;
import org.luvhive.core.chat.internal.ChatDao;
import org.luvhive.core.chat.internal.RatingDao;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/** Thumbs up or down after a chat ({@code rate:<chat>:up}), once per chat and side. Thread-safe. */
public final class RateCallback implements UpdateHandler {

    public static final String PREFIX = "rate:";

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        if (arguments.length != 2 || !arguments[0].matches("\\d{1,18}")) {
            answerCallback(context, context.text("rating.unknown"), false);
            return;
        }
        long chatId = Long.parseLong(arguments[0]);
        Optional<ChatMembership> membership = context.handle().attach(ChatDao.class).membership(chatId,
                context.userId());
        if (membership.isEmpty() || membership.get().endedAt() == null) {
            answerCallback(context, context.text("rating.not_ended"), false);
            return;
        }
        int value = arguments[1].equals("up") ? 1 : -1;
        if (context.handle().attach(RatingDao.class).rate(chatId, context.userId(), membership.get().partnerId(), value,
                context.now()) == 0) {
            answerCallback(context, context.text("rating.already"), false);
            return;
        }
        answerCallback(context, context.text(value > 0 ? "rating.thanks_up" : "rating.thanks_down"), false);
        dropButtons(context, PREFIX); // "Chat again?", report and block stay
    }
}
