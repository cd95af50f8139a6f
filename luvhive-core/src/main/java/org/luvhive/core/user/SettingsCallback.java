package org.luvhive.core.user;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;

import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;

/**
 * The buttons of {@code /settings}: {@code set:spoilers:on|off}, {@code set:wide:on|off}.
 * The button says the value it sets, so a second tap of an old message changes nothing;
 * the settings message is redrawn as the switches now stand. Thread-safe.
 */
public final class SettingsCallback implements UpdateHandler {

    public static final String PREFIX = "set:";

    private final Users users;
    private final SettingsCommand view;

    public SettingsCallback(Users users, SettingsCommand view) {
        this.users = users;
        this.view = view;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        if (arguments.length != 2 || !arguments[1].matches("on|off")) {
            answerCallback(context, context.text("profile.unknown_choice"), false);
            return;
        }
        boolean on = arguments[1].equals("on");
        long userId = context.userId();
        String done;
        switch (arguments[0]) {
            case "spoilers" -> {
                users.setSpoilers(context.handle(), userId, on, context.now());
                done = on ? "settings.done.spoilers_on" : "settings.done.spoilers_off";
            }
            case "wide" -> {
                users.setWideAgeRange(context.handle(), userId, on, context.now());
                done = on ? "settings.done.wide_on" : "settings.done.wide_off";
            }
            default -> {
                answerCallback(context, context.text("profile.unknown_choice"), false);
                return;
            }
        }
        answerCallback(context, context.text(done), false);
        MaybeInaccessibleMessage shown = context.update().getCallbackQuery().getMessage();
        if (shown != null) {
            SettingsCommand.Switches switches = view.switches(context.handle(), userId);
            context.send(OutboundMessage.of(userId, Priority.NOTICE, EditMessageText.builder()
                    .chatId(shown.getChatId()).messageId(shown.getMessageId())
                    .text(view.text(switches, context.language()))
                    .replyMarkup(view.buttons(switches, context.language())).build()));
        }
    }
}
