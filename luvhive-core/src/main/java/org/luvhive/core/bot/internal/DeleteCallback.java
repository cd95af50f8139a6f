package org.luvhive.core.bot.internal;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.EndReason;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.UserDao;

/**
 * {@code del:confirm} really deletes: the active chat ends (the partner is told), the user
 * leaves the queue, and their rows go. Kept: payments, bans, and blocks and reports others
 * made about them (see /privacy). Thread-safe.
 */
public final class DeleteCallback implements UpdateHandler {

    public static final String PREFIX = "del:";

    private final Chats chats;
    private final Matcher matcher;

    public DeleteCallback(Chats chats, Matcher matcher) {
        this.chats = chats;
        this.matcher = matcher;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        answerCallback(context);
        editKeyboard(context, null);
        if (arguments.length != 1 || !arguments[0].equals("confirm")) {
            context.reply("Nothing was deleted.");
            return;
        }
        erase(context.handle(), context.userId(), context);
        context.reply("🗑 Your data has been deleted. Goodbye! Send /start if you ever want to come back.");
    }

    private void erase(Handle handle, long userId, UpdateContext context) {
        matcher.leave(handle, userId);
        chats.end(handle, userId, EndReason.DELETED, context.now());
        handle.createUpdate("delete from relayed_messages where sender_id = :id or recipient_id = :id")
                .bind("id", userId).execute();
        handle.createUpdate("delete from chats where id in (select chat_id from chat_members where user_id = :id)")
                .bind("id", userId).execute();
        handle.createUpdate("delete from ratings where rater_id = :id or rated_id = :id").bind("id", userId).execute();
        handle.createUpdate("delete from blocks where blocker_id = :id").bind("id", userId).execute();
        handle.createUpdate("delete from reports where reporter_id = :id").bind("id", userId).execute();
        handle.attach(UserDao.class).delete(userId);
    }
}
