package org.luvhive.core.user;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.internal.UserDao;

/**
 * The explicit 18+ confirmation ({@code age:confirm}) or going back to retype the age
 * ({@code age:change}). Stateless; thread-safe.
 */
public final class AgeCallback implements UpdateHandler {

    public static final String PREFIX = "age:";

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        UserDao users = context.handle().attach(UserDao.class);
        UserProfile user = users.find(context.userId()).orElse(null);
        if (user == null || user.onboardingStep() != OnboardingStep.AGE_CONFIRM || arguments.length == 0) {
            answerCallback(context, context.text("onboarding.nothing_to_confirm"), false);
            return;
        }
        answerCallback(context);
        editKeyboard(context, null);
        if (arguments[0].equals("confirm")) {
            users.confirmAge(context.userId(), OnboardingStep.COUNTRY.code(), context.now());
        } else {
            users.setStep(context.userId(), OnboardingStep.AGE.code(), context.now());
        }
        context.send(OnboardingPrompts.prompt(users.find(context.userId()).orElseThrow(), context.now()));
    }
}
