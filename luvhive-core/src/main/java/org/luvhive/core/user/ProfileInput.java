package org.luvhive.core.user;

import java.util.Optional;
import java.util.OptionalInt;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.user.internal.PlaceNames;
import org.luvhive.core.user.internal.UserDao;

/** The new age, country or city after a /profile edit button. Thread-safe. */
public final class ProfileInput {

    /** The user's pending input while the bot waits for a new {@code <field>}: {@code profile:<field>}. */
    public static final String PENDING = "profile:";

    /** True when the user's pending input was a profile edit and this text answered it. */
    public boolean handle(UpdateContext context, UserProfile user, String text) {
        if (user.pendingInput() == null || !user.pendingInput().startsWith(PENDING)) {
            return false;
        }
        UserDao users = context.handle().attach(UserDao.class);
        String field = user.pendingInput().substring(PENDING.length());
        if (field.equals("age")) {
            OptionalInt age = AgeAnswer.read(context, user.userId(), text);
            if (age.isEmpty()) {
                return true;
            }
            users.setPendingAge(user.userId(), age.getAsInt(), context.now());
            users.confirmAge(user.userId(), OnboardingStep.DONE.code(), context.now());
        } else {
            Optional<String> place = PlaceNames.normalise(text);
            if (place.isEmpty()) {
                context.replyText(field.equals("city") ? "profile.place.invalid.city" : "profile.place.invalid.country");
                return true;
            }
            if (field.equals("city")) {
                users.setCity(user.userId(), place.get(), OnboardingStep.DONE.code(), context.now());
            } else {
                users.setCountry(user.userId(), place.get(), OnboardingStep.DONE.code(), context.now());
            }
        }
        users.setPendingInput(user.userId(), null, context.now());
        context.reply(context.text("profile.saved") + "\n\n"
                + ProfileCommand.describe(users.find(user.userId()).orElseThrow(), context.now(), context.language()));
        return true;
    }
}
