package org.luvhive.core.bot.internal;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.EndReason;
import org.luvhive.core.chat.Ratings;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.premium.Payments;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Users;

/**
 * {@code del:confirm} really deletes: the active chat ends (the partner is told), then
 * every feature forgets the user (queue, chats and relay ids, ratings, the blocks and
 * reports they made, refused checkouts, the profile) and so does the pipeline (their
 * updates, rate-limit buckets and queued messages). Kept, as /privacy says: payments,
 * bans, and blocks and reports others made about them. The goodbye is queued after the
 * forgetting, so it is still sent. Thread-safe.
 */
public final class DeleteCallback implements UpdateHandler {

    public static final String PREFIX = "del:";

    private final Users users;
    private final Chats chats;
    private final Ratings ratings;
    private final Matcher matcher;
    private final Moderation moderation;
    private final Payments payments;

    public DeleteCallback(Users users, Chats chats, Ratings ratings, Matcher matcher, Moderation moderation,
                          Payments payments) {
        this.users = users;
        this.chats = chats;
        this.ratings = ratings;
        this.matcher = matcher;
        this.moderation = moderation;
        this.payments = payments;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        boolean confirmed = arguments.length == 1 && arguments[0].equals("confirm");
        if (confirmed) {
            forget(context);
        }
        answerCallback(context);
        editKeyboard(context, null);
        context.replyText(confirmed ? "delete.done" : "delete.kept");
    }

    private void forget(UpdateContext context) {
        Handle handle = context.handle();
        long userId = context.userId();
        Instant now = context.now();
        chats.end(handle, userId, EndReason.DELETED, now);
        matcher.forget(handle, userId);
        chats.forget(handle, userId);
        ratings.forget(handle, userId);
        moderation.forget(handle, userId);
        payments.forget(handle, userId);
        users.forget(handle, userId);
        context.forgetSender();
    }
}
