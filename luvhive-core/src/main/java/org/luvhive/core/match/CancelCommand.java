package org.luvhive.core.match;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.UserDao;

/** {@code /cancel}: drop a pending profile edit or report detail, or else leave the queue. Thread-safe. */
public final class CancelCommand implements UpdateHandler {

    private final Matcher matcher;

    public CancelCommand(Matcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public void handle(UpdateContext context) {
        UserDao users = context.handle().attach(UserDao.class);
        boolean editing = users.find(context.userId()).map(user -> user.pendingInput() != null).orElse(false);
        if (editing) {
            users.setPendingInput(context.userId(), null, context.now());
            context.reply("OK, nothing changed.");
            return;
        }
        if (matcher.leave(context.handle(), context.userId())) {
            context.reply("🛑 Search cancelled. /find when you're ready.");
        } else {
            context.reply("You weren't searching. /find to meet someone, /stop to end a chat.");
        }
    }
}
