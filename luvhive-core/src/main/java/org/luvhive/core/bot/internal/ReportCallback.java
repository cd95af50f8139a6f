package org.luvhive.core.bot.internal;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.EndReason;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.moderation.ReportCommand;
import org.luvhive.core.moderation.ReportDetailsInput;
import org.luvhive.core.moderation.ReportReason;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Users;

/**
 * {@code rep:<chat>} shows the reasons; {@code rep:<chat>:<reason>} files the report (once
 * per chat), ends the chat if it is still on, tells the admins, and invites optional
 * details. Thread-safe.
 */
public final class ReportCallback implements UpdateHandler {

    public static final String PREFIX = "rep:";

    private final Duration window;
    private final Chats chats;
    private final Moderation moderation;
    private final Users users;
    private final Set<Long> adminIds;

    public ReportCallback(Duration window, Chats chats, Moderation moderation, Users users, Set<Long> adminIds) {
        this.window = window;
        this.chats = chats;
        this.moderation = moderation;
        this.users = users;
        this.adminIds = Set.copyOf(adminIds);
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        Optional<ChatMembership> chat = chats.currentOrEndedWithin(context.handle(), context.userId(), context.now(),
                window).filter(found -> arguments.length > 0 && String.valueOf(found.chatId()).equals(arguments[0]));
        if (chat.isEmpty()) {
            answerCallback(context, "Reports are possible during a chat and up to " + window.toMinutes()
                    + " minutes after it ends.", true);
            return;
        }
        if (arguments.length == 1) {
            answerCallback(context);
            context.send(notice(context.userId(), "🚩 Why are you reporting them?",
                    ReportCommand.reasons(chat.get().chatId())));
            return;
        }
        Optional<ReportReason> reason = ReportReason.ofCode(arguments[1]);
        if (reason.isEmpty()) {
            answerCallback(context, "Unknown reason", false);
            return;
        }
        Optional<Long> reportId = moderation.report(context.handle(), chat.get().chatId(), context.userId(),
                chat.get().partnerId(), reason.get(), context.now());
        answerCallback(context);
        editKeyboard(context, null);
        if (reportId.isEmpty()) {
            context.reply("You already reported this chat. Moderators will look at it.");
            return;
        }
        if (chat.get().active()) {
            chats.end(context.handle(), context.userId(), EndReason.REPORT, context.now());
        }
        users.setPendingInput(context.handle(), context.userId(), ReportDetailsInput.PENDING + reportId.get(),
                context.now());
        context.reply("✅ Report sent" + (chat.get().active() ? " and the chat ended" : "")
                + ". If you like, send a short description of what happened now, or /skip.");
        for (long admin : adminIds) {
            context.send(notice(admin, "🚩 New report #" + reportId.get() + ": " + reason.get().label()
                    + "\nReported user: " + chat.get().partnerId() + " (chat " + chat.get().chatId() + ")",
                    keyboard(row(button("Dismiss", "adm:dismiss:" + reportId.get()),
                            button("Ban 7 days", "adm:ban7:" + reportId.get()),
                            button("Ban forever", "adm:banperm:" + reportId.get())))));
        }
    }
}
