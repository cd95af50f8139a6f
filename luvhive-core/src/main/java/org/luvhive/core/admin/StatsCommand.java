package org.luvhive.core.admin;

import org.luvhive.core.chat.ChatDao;
import org.luvhive.core.match.MatchQueueDao;
import org.luvhive.core.moderation.ModerationDao;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.UserDao;

/** {@code /stats} (admin): users, active chats, queue length, premium users, open reports. Thread-safe. */
public final class StatsCommand implements UpdateHandler {

    @Override
    public void handle(UpdateContext context) {
        var handle = context.handle();
        UserDao users = handle.attach(UserDao.class);
        context.reply("📊 LuvHive now\nUsers: " + users.count()
                + "\nActive chats: " + handle.attach(ChatDao.class).countActive()
                + "\nSearching: " + handle.attach(MatchQueueDao.class).count()
                + "\nPremium users: " + users.countPremium(context.now())
                + "\nOpen reports: " + handle.attach(ModerationDao.class).countOpenReports());
    }
}
