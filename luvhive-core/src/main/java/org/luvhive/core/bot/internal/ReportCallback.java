package org.luvhive.core.bot.internal;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.when;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.luvhive.core.admin.ModActionCallback;
import org.luvhive.core.admin.ReportsCommand;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.EndReason;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.moderation.ReportCommand;
import org.luvhive.core.moderation.ReportDetailsInput;
import org.luvhive.core.moderation.ReportFollowUp;
import org.luvhive.core.moderation.ReportReason;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * {@code rep:<chat>} shows the reasons; {@code rep:<chat>:<reason>} files the report (once
 * per chat), ends the chat if it is still on, tells the admins, and invites optional
 * details. Moderation follows up: the report joins the reported user's case; a report that
 * they seem under 18 takes them out of matching and alerts every admin at once; enough
 * reporters in a short time mute them. Thread-safe.
 */
public final class ReportCallback implements UpdateHandler {

    public static final String PREFIX = "rep:";

    private final Duration window;
    private final Chats chats;
    private final Matcher matcher;
    private final Moderation moderation;
    private final ReportFollowUp followUp;
    private final Users users;
    private final Set<Long> adminIds;

    public ReportCallback(Duration window, Chats chats, Matcher matcher, Moderation moderation,
                          ReportFollowUp followUp, Users users, Set<Long> adminIds) {
        this.window = window;
        this.chats = chats;
        this.matcher = matcher;
        this.moderation = moderation;
        this.followUp = followUp;
        this.users = users;
        this.adminIds = Set.copyOf(adminIds);
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        Optional<ChatMembership> chat = chats.currentOrEndedWithin(context.handle(), context.userId(), context.now(),
                window).filter(found -> arguments.length > 0 && String.valueOf(found.chatId()).equals(arguments[0]));
        if (chat.isEmpty()) {
            answerCallback(context, context.text("report.window", window.toMinutes()), true);
            return;
        }
        if (arguments.length == 1) {
            answerCallback(context);
            context.send(notice(context.userId(), context.text("report.why"),
                    ReportCommand.reasons(chat.get().chatId(), context.language())));
            return;
        }
        Optional<ReportReason> reason = ReportReason.ofCode(arguments[1]);
        if (reason.isEmpty()) {
            answerCallback(context, context.text("report.unknown_reason"), false);
            return;
        }
        Optional<Long> reportId = moderation.report(context.handle(), chat.get().chatId(), context.userId(),
                chat.get().partnerId(), reason.get(), context.now());
        answerCallback(context);
        editKeyboard(context, null);
        if (reportId.isEmpty()) {
            context.replyText("report.already");
            return;
        }
        if (chat.get().active()) {
            chats.end(context.handle(), context.userId(), EndReason.REPORT, context.now());
        }
        users.setPendingInput(context.handle(), context.userId(), ReportDetailsInput.PENDING + reportId.get(),
                context.now());
        context.replyText(chat.get().active() ? "report.sent_ended" : "report.sent");
        long reported = chat.get().partnerId();
        ReportFollowUp.Outcome outcome = followUp.afterReport(context.handle(), reportId.get(), reported, reason.get(),
                context.now());
        if (outcome.held()) {
            holdOutOfMatching(context, reported, reportId.get(), chat.get().chatId(), outcome.caseId());
        } else {
            for (long admin : adminIds) {
                Language language = users.language(context.handle(), admin);
                context.send(notice(admin, Texts.of(language, "admin.report.new", reportId.get(),
                        reason.get().label(language), reported, chat.get().chatId()),
                        ReportsCommand.actions(reportId.get(), language)));
            }
        }
        if (outcome.mutedUntil() != null) {
            context.send(notice(reported, Texts.of(users.language(context.handle(), reported), "report.muted",
                    when(outcome.mutedUntil()))));
            for (long admin : adminIds) {
                Language language = users.language(context.handle(), admin);
                context.send(notice(admin, Texts.of(language, "admin.report.muted",
                        reported, outcome.reporters(), when(outcome.mutedUntil()), outcome.caseId()),
                        ModActionCallback.buttons(outcome.caseId(), language)));
            }
        }
    }

    /**
     * A report that the partner seems under 18: out of the queue and out of any chat at once,
     * and every admin alerted ahead of the other notices.
     */
    private void holdOutOfMatching(UpdateContext context, long reported, long reportId, long chatId, long caseId) {
        matcher.leave(context.handle(), reported);
        chats.end(context.handle(), reported, EndReason.REPORT, context.now());
        for (long admin : adminIds) {
            Language language = users.language(context.handle(), admin);
            context.send(OutboundMessage.of(admin, Priority.RELAY, SendMessage.builder().chatId(admin)
                    .text(Texts.of(language, "admin.report.minor_urgent", reported, reportId, chatId, caseId))
                    .replyMarkup(ModActionCallback.buttons(caseId, language)).build()));
        }
    }
}
