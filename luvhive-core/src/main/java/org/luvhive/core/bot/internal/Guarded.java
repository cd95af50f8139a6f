package org.luvhive.core.bot.internal;

import java.util.Optional;
import org.luvhive.core.moderation.Bans;
import org.luvhive.core.ui.Notices;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.OnboardingPrompts;
import org.luvhive.core.user.UserDao;
import org.luvhive.core.user.UserProfile;

/**
 * Wraps a handler: updates from a banned user are dropped (they were told once, when
 * banned); handlers that need a finished profile send a user who has none back to their
 * onboarding step. Thread-safe.
 */
public final class Guarded implements UpdateHandler {

    private final Bans bans;
    private final boolean needsProfile;
    private final UpdateHandler handler;

    public Guarded(Bans bans, boolean needsProfile, UpdateHandler handler) {
        this.bans = bans;
        this.needsProfile = needsProfile;
        this.handler = handler;
    }

    @Override
    public void handle(UpdateContext context) {
        if (context.userId() == 0) {
            return;
        }
        if (bans.isBanned(context.handle(), context.userId(), context.now())) {
            Notices.answerCallback(context, "Your account is banned.", true);
            return;
        }
        if (needsProfile) {
            Optional<UserProfile> user = context.handle().attach(UserDao.class).find(context.userId());
            if (user.isEmpty()) {
                Notices.answerCallback(context);
                context.reply("Send /start to set up your profile first.");
                return;
            }
            if (!user.get().onboarded()) {
                Notices.answerCallback(context);
                context.reply("Let's finish your profile first.");
                context.send(OnboardingPrompts.prompt(user.get(), context.now()));
                return;
            }
        }
        handler.handle(context);
    }
}
