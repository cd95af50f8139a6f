package org.luvhive.core.user;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import java.util.Optional;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.internal.UserDao;

/** The gender buttons ({@code gender:male}): chosen once, never changed. Stateless; thread-safe. */
public final class GenderCallback implements UpdateHandler {

    public static final String PREFIX = "gender:";

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        Optional<Gender> gender = arguments.length > 0 ? Gender.ofCode(arguments[0]) : Optional.empty();
        UserDao users = context.handle().attach(UserDao.class);
        Optional<UserProfile> user = users.find(context.userId());
        if (gender.isEmpty() || user.isEmpty() || user.get().consentAt() == null) {
            answerCallback(context, context.text("onboarding.start_first"), true);
            return;
        }
        if (users.chooseGender(context.userId(), gender.get().code(), OnboardingStep.AGE.code(), context.now()) == 0) {
            answerCallback(context, context.text("onboarding.gender_permanent"), true);
            return;
        }
        answerCallback(context);
        editKeyboard(context, null);
        context.send(OnboardingPrompts.prompt(users.find(context.userId()).orElseThrow(), context.now()));
    }
}
