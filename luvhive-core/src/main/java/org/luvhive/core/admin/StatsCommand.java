package org.luvhive.core.admin;

import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Users;

/** {@code /stats} (admin): users, active chats, queue length, premium users, open reports. Thread-safe. */
public final class StatsCommand implements UpdateHandler {

    private final Users users;
    private final Chats chats;
    private final Matcher matcher;
    private final Moderation moderation;

    public StatsCommand(Users users, Chats chats, Matcher matcher, Moderation moderation) {
        this.users = users;
        this.chats = chats;
        this.matcher = matcher;
        this.moderation = moderation;
    }

    @Override
    public void handle(UpdateContext context) {
        Handle handle = context.handle();
        context.replyText("admin.stats", users.count(handle), chats.countActive(handle), matcher.countWaiting(handle),
                users.countPremium(handle, context.now()), moderation.countOpenReports(handle));
    }
}
