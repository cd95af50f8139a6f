package org.luvhive.core.bot.internal;

import java.util.Optional;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.ui.Notices;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.OnboardingPrompts;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;

/**
 * Wraps handlers: updates from a banned user are dropped (they were told once, when
 * banned); handlers that need a finished profile send a user who has none back to their
 * onboarding step. Thread-safe.
 */
public final class Guards {

    private final Moderation moderation;
    private final Users users;

    public Guards(Moderation moderation, Users users) {
        this.moderation = moderation;
        this.users = users;
    }

    /** For every user who is not banned, with or without a profile. */
    public UpdateHandler open(UpdateHandler handler) {
        return context -> guard(context, false, handler);
    }

    /** For users who are not banned and finished onboarding. */
    public UpdateHandler onboarded(UpdateHandler handler) {
        return context -> guard(context, true, handler);
    }

    private void guard(UpdateContext context, boolean needsProfile, UpdateHandler handler) {
        if (context.userId() == 0) {
            return;
        }
        if (moderation.isBanned(context.handle(), context.userId(), context.now())) {
            Notices.answerCallback(context, context.text("ban.account_banned"), true);
            return;
        }
        if (needsProfile) {
            Optional<UserProfile> user = users.find(context.handle(), context.userId());
            if (user.isEmpty()) {
                Notices.answerCallback(context);
                context.replyText("guard.start_first");
                return;
            }
            if (!user.get().onboarded()) {
                Notices.answerCallback(context);
                context.replyText("guard.finish_profile");
                context.send(OnboardingPrompts.prompt(user.get(), context.now()));
                return;
            }
        }
        handler.handle(context);
    }
}
