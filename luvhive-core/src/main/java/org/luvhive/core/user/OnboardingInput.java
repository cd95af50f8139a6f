package org.luvhive.core.user;

import java.util.Optional;
import java.util.OptionalInt;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.user.internal.PlaceNames;
import org.luvhive.core.user.internal.UserDao;

/**
 * Plain text from a user who has not finished onboarding: the answer to the current
 * question, or a re-prompt when it is not a valid answer. Stateless; thread-safe.
 */
public final class OnboardingInput {

    /** Handles the text of a user still onboarding. */
    public void handle(UpdateContext context, UserProfile user) {
        UserDao users = context.handle().attach(UserDao.class);
        String text = context.update().getMessage().getText();
        switch (user.onboardingStep()) {
            case AGE -> {
                OptionalInt age = AgeAnswer.read(context, user.userId(), text);
                if (age.isEmpty()) {
                    return;
                }
                users.setPendingAge(user.userId(), age.getAsInt(), context.now());
            }
            case COUNTRY -> {
                Optional<String> country = PlaceNames.normalise(text);
                if (country.isEmpty()) {
                    context.replyText("onboarding.country.invalid");
                    return;
                }
                users.setCountry(user.userId(), country.get(), OnboardingStep.CITY.code(), context.now());
            }
            case CITY -> {
                Optional<String> city = PlaceNames.normalise(text);
                if (city.isEmpty()) {
                    context.replyText("onboarding.city.invalid");
                    return;
                }
                users.setCity(user.userId(), city.get(), OnboardingStep.INTERESTS.code(), context.now());
            }
            default -> context.replyText("onboarding.use_buttons");
        }
        context.send(OnboardingPrompts.prompt(users.find(user.userId()).orElseThrow(), context.now()));
    }
}
