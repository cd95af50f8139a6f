package org.luvhive.core.bot.internal;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.notice;

import org.luvhive.core.chat.Chats;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.OnboardingPrompts;
import org.luvhive.core.user.ProfileInput;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;

/**
 * The edit buttons of {@code /profile} ({@code prof:age|country|city|interests|filters}):
 * asks for the new value; the next plain text answers it ({@link ProfileInput}). Not
 * during a chat, where plain text is relayed to the partner. Thread-safe.
 */
public final class ProfileCallback implements UpdateHandler {

    public static final String PREFIX = "prof:";

    private final UpdateHandler filters;
    private final Users users;
    private final Chats chats;

    /** @param filters what "Filters" opens ({@code /filters}) */
    public ProfileCallback(UpdateHandler filters, Users users, Chats chats) {
        this.filters = filters;
        this.users = users;
        this.chats = chats;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        UserProfile user = users.find(context.handle(), context.userId()).filter(UserProfile::onboarded).orElse(null);
        if (user == null || arguments.length != 1) {
            answerCallback(context, context.text("profile.finish_start"), true);
            return;
        }
        boolean typedAnswer = arguments[0].equals("age") || arguments[0].equals("country")
                || arguments[0].equals("city");
        if (typedAnswer && chats.active(context.handle(), context.userId()).isPresent()) {
            // in a chat, what the user types goes to the partner; an answer meant for the bot must not
            answerCallback(context, context.text("profile.in_chat." + arguments[0]), true);
            return;
        }
        answerCallback(context);
        switch (arguments[0]) {
            case "age", "country", "city" -> {
                users.setPendingInput(context.handle(), context.userId(), ProfileInput.PENDING + arguments[0], context.now());
                context.replyText("profile.ask." + arguments[0]);
            }
            case "interests" -> context.send(notice(context.userId(), context.text("interests.edit"),
                    OnboardingPrompts.interestKeyboard(user.interestSet(), user.isPremium(context.now()),
                            context.language())));
            case "filters" -> filters.handle(context);
            default -> context.replyText("profile.unknown_choice");
        }
    }
}
