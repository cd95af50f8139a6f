package org.luvhive.core.user;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import java.util.Optional;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/**
 * A language button ({@code lang:es}): the bot speaks it to the user from now on, this
 * answer included. Only for registered users: before consent nothing about anyone is
 * stored, and Telegram's language decides. Thread-safe.
 */
public final class LanguageCallback implements UpdateHandler {

    public static final String PREFIX = "lang:";

    private final Users users;

    public LanguageCallback(Users users) {
        this.users = users;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        Optional<Language> chosen = arguments.length == 1 ? Language.ofCode(arguments[0]) : Optional.empty();
        if (chosen.isEmpty()) {
            answerCallback(context, context.text("language.unknown"), false);
            return;
        }
        if (users.find(context.handle(), context.userId()).isEmpty()) {
            answerCallback(context, context.text("onboarding.start_first"), true);
            return;
        }
        users.setLanguage(context.handle(), context.userId(), chosen.get(), context.now());
        context.useLanguage(chosen.get());
        answerCallback(context);
        editKeyboard(context, LanguageCommand.keyboardFor(chosen.get()));
        context.replyText("language.set", chosen.get().flag() + " " + chosen.get().nativeName());
    }
}
