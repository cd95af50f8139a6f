package org.luvhive.core.user;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import java.util.Optional;
import java.util.Set;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.internal.UserDao;

/**
 * Interest toggles ({@code int:music}) and {@code int:done}, in onboarding and when
 * editing the profile. Premium-only interests need premium. Stateless; thread-safe.
 */
public final class InterestCallback implements UpdateHandler {

    public static final String PREFIX = "int:";

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        UserDao users = context.handle().attach(UserDao.class);
        Optional<UserProfile> found = users.findForUpdate(context.userId());
        if (found.isEmpty() || arguments.length == 0 || found.get().onboardingStep().compareTo(OnboardingStep.INTERESTS) < 0) {
            answerCallback(context, context.text("onboarding.start_first"), true);
            return;
        }
        UserProfile user = found.get();
        boolean premium = user.isPremium(context.now());
        if (arguments[0].equals("done")) {
            answerCallback(context, context.text("interests.saved_toast"), false);
            editKeyboard(context, null);
            if (!user.onboarded()) {
                users.setStep(context.userId(), OnboardingStep.DONE.code(), context.now());
                context.send(OnboardingPrompts.prompt(users.find(context.userId()).orElseThrow(), context.now()));
            } else {
                context.replyText("interests.saved", Interest.labels(user.interestSet(), context.language()));
            }
            return;
        }
        Optional<Interest> interest = Interest.ofCode(arguments[0]);
        if (interest.isEmpty()) {
            answerCallback(context, context.text("interests.unknown"), false);
            return;
        }
        Set<Interest> chosen = user.interestSet();
        if (chosen.contains(interest.get())) {
            chosen.remove(interest.get());
        } else if (interest.get().premiumOnly() && !premium) {
            answerCallback(context, context.text("interests.premium_only", interest.get().label(context.language())), true);
            return;
        } else {
            chosen.add(interest.get());
        }
        users.setInterests(context.userId(), Interest.format(chosen), context.now());
        answerCallback(context);
        editKeyboard(context, OnboardingPrompts.interestKeyboard(chosen, premium, context.language()));
    }
}
