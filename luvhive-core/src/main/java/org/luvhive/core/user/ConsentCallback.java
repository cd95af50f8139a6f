package org.luvhive.core.user;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import java.util.Optional;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.internal.UserDao;

/**
 * The consent buttons ({@code consent:accept|read|decline}). Declining erases the
 * registration: nothing is kept about someone who did not agree. Stateless; thread-safe.
 */
public final class ConsentCallback implements UpdateHandler {

    public static final String PREFIX = "consent:";

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        String choice = arguments.length > 0 ? arguments[0] : "";
        UserDao users = context.handle().attach(UserDao.class);
        Optional<UserProfile> user = users.find(context.userId());
        switch (choice) {
            case "read" -> {
                answerCallback(context);
                context.replyText("info.privacy");
            }
            case "decline" -> {
                answerCallback(context);
                if (user.isPresent() && user.get().onboardingStep() == OnboardingStep.CONSENT) {
                    users.delete(context.userId());
                    editKeyboard(context, null);
                }
                context.replyText("onboarding.declined");
            }
            case "accept" -> {
                answerCallback(context);
                if (user.isEmpty()) {
                    users.insert(context.userId(), context.language().code(), context.now());
                }
                users.consent(context.userId(), context.now());
                editKeyboard(context, null);
                context.send(OnboardingPrompts.prompt(users.find(context.userId()).orElseThrow(), context.now()));
            }
            default -> answerCallback(context, context.text("onboarding.unknown_choice"), false);
        }
    }
}
