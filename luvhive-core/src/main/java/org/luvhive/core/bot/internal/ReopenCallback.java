package org.luvhive.core.bot.internal;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.dropButtons;
import static org.luvhive.core.ui.Notices.notice;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Users;

/**
 * "Chat again?" ({@code again:<chat>}), a button under both sides' notice when a chat ends
 * with /stop or /next. The chat reopens (a new chat between the same two) only when both said yes within
 * {@link Chats#REOPEN_WINDOW} of its end, neither blocked or reported the other, neither is
 * banned or said since they were under 18, and both are free; one side's yes alone changes nothing for the other. Runs under
 * the chat lock, so it never races pairing. Thread-safe.
 */
public final class ReopenCallback implements UpdateHandler {

    private final Chats chats;
    private final Matcher matcher;
    private final Moderation moderation;
    private final Users users;

    public ReopenCallback(Chats chats, Matcher matcher, Moderation moderation, Users users) {
        this.chats = chats;
        this.matcher = matcher;
        this.moderation = moderation;
        this.users = users;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, Chats.REOPEN_PREFIX);
        Handle handle = context.handle();
        Optional<ChatMembership> ended = arguments.length == 1 && arguments[0].matches("\\d{1,18}")
                ? chats.membership(handle, Long.parseLong(arguments[0]), context.userId()) : Optional.empty();
        if (ended.isEmpty() || ended.get().endedAt() == null) {
            answerCallback(context, context.text("reopen.unknown"), false);
            return;
        }
        long chatId = ended.get().chatId();
        long userId = context.userId();
        long partner = ended.get().partnerId();
        chats.lock(handle);
        if (ended.get().endedAt().plus(Chats.REOPEN_WINDOW).isBefore(context.now())) {
            answerCallback(context, context.text("reopen.expired"), true);
            dropButtons(context, Chats.REOPEN_PREFIX);
            return;
        }
        if (moderation.keptApart(handle, userId, partner) || moderation.isBanned(handle, partner, context.now())
                || users.declaredMinor(handle, userId) || users.declaredMinor(handle, partner)) {
            chats.clearReopen(handle, chatId);
            answerCallback(context, context.text("reopen.impossible"), true);
            dropButtons(context, Chats.REOPEN_PREFIX);
            return;
        }
        if (!chats.wantsToReopen(handle, chatId, userId, partner, context.now())) {
            answerCallback(context);
            dropButtons(context, Chats.REOPEN_PREFIX);
            context.replyText("reopen.asked");
            return;
        }
        if (chats.active(handle, userId).isPresent() || chats.active(handle, partner).isPresent()) {
            answerCallback(context); // the button stays: tap it again once both are free
            context.replyText("reopen.busy");
            return;
        }
        matcher.leave(handle, userId);
        matcher.leave(handle, partner);
        chats.clearReopen(handle, chatId);
        chats.start(handle, userId, partner, context.now());
        answerCallback(context);
        dropButtons(context, Chats.REOPEN_PREFIX);
        context.replyText("reopen.done");
        context.send(notice(partner, Texts.of(users.language(handle, partner), "reopen.done")));
    }
}
