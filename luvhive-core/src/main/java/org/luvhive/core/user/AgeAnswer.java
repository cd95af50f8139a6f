package org.luvhive.core.user;

import java.util.OptionalInt;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.user.internal.Ages;
import org.luvhive.core.user.internal.MinorDeclarationDao;

/**
 * An age the user typed, while onboarding or editing their profile: the age, or nothing once
 * they were told why not. An age under 18 is recorded as a minor's declaration, which keeps
 * them out of matching for good. Stateless; thread-safe.
 */
final class AgeAnswer {

    private AgeAnswer() {
    }

    static OptionalInt read(UpdateContext context, long userId, String text) {
        int age = Ages.parse(text);
        if (age >= 0) {
            return OptionalInt.of(age);
        }
        if (Ages.isMinor(text)) {
            context.handle().attach(MinorDeclarationDao.class).declare(userId, context.now());
        }
        context.replyText(Ages.problem(text), Ages.MINIMUM, Ages.MAXIMUM);
        return OptionalInt.empty();
    }
}
