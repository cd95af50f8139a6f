package org.luvhive.core.chat;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Users;

/**
 * The reveal buttons: {@code rvl:<chat>:yes} agrees (or proposes), {@code rvl:<chat>:no}
 * withdraws one's proposal ({@link MutualReveal}); the tapped button goes. Stateless; thread-safe.
 */
public final class RevealCallback implements UpdateHandler {

    public static final String PREFIX = MutualReveal.PREFIX;

    private final MutualReveal reveal;

    /** @param users whose language the partner is told in */
    public RevealCallback(Users users) {
        this.reveal = new MutualReveal(users);
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        if (arguments.length != 2 || !arguments[0].matches("\\d{1,18}") || !arguments[1].matches("yes|no")) {
            answerCallback(context, context.text("reveal.chat_over"), false);
            return;
        }
        long chatId = Long.parseLong(arguments[0]);
        String answer = arguments[1].equals("yes") ? reveal.consent(context, chatId).orElse(null)
                : reveal.withdraw(context, chatId);
        answerCallback(context, answer == null ? null : context.text(answer), false);
        editKeyboard(context, null);
    }
}
