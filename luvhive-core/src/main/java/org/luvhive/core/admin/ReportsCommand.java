package org.luvhive.core.admin;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;
import static org.luvhive.core.ui.Notices.when;

import java.util.List;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.moderation.Report;
import org.luvhive.core.moderation.ReportReason;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** {@code /reports} (admin): the oldest open reports, each with dismiss and ban buttons. Thread-safe. */
public final class ReportsCommand implements UpdateHandler {

    static final int PAGE = 10;

    private final Moderation moderation;

    public ReportsCommand(Moderation moderation) {
        this.moderation = moderation;
    }

    @Override
    public void handle(UpdateContext context) {
        List<Report> open = moderation.openReports(context.handle(), PAGE);
        if (open.isEmpty()) {
            context.replyText("admin.reports.none");
            return;
        }
        Language language = context.language();
        context.replyText("admin.reports.count", moderation.countOpenReports(context.handle()), open.size());
        for (Report report : open) {
            String reason = ReportReason.ofCode(report.reason()).map(known -> known.label(language))
                    .orElse(report.reason());
            String text = Texts.of(language, "admin.reports.item", report.id(), when(report.createdAt()), reason,
                    report.reportedId(), report.chatId(), report.reporterId());
            if (report.details() != null) {
                text += "\n" + Texts.of(language, "admin.reports.details", report.details());
            }
            context.send(notice(context.userId(), text, actions(report.id(), language)));
        }
    }

    /** Dismiss, ban for 7 days, ban for good: the buttons under a report. */
    public static InlineKeyboardMarkup actions(long reportId, Language language) {
        return keyboard(row(button(Texts.of(language, "admin.report.dismiss"), "adm:dismiss:" + reportId),
                button(Texts.of(language, "admin.report.ban7"), "adm:ban7:" + reportId),
                button(Texts.of(language, "admin.report.banperm"), "adm:banperm:" + reportId)));
    }
}
