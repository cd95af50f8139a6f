package org.luvhive.core.user;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.internal.UserDao;

/**
 * {@code /start}: registers the user and shows the onboarding step they are at, so a
 * half-finished onboarding resumes where it stopped. Stateless; thread-safe.
 */
public final class StartCommand implements UpdateHandler {

    @Override
    public void handle(UpdateContext context) {
        UserDao users = context.handle().attach(UserDao.class);
        users.insert(context.userId(), context.language().code(), context.now());
        UserProfile user = users.find(context.userId()).orElseThrow();
        if (user.onboarded()) {
            context.replyText("start.welcome_back");
            return;
        }
        context.send(OnboardingPrompts.prompt(user, context.now()));
    }
}
