package org.luvhive.core.admin;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;
import static org.luvhive.core.ui.Notices.when;

import java.util.List;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.moderation.Report;
import org.luvhive.core.moderation.ReportReason;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

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
            context.reply("✅ No open reports.");
            return;
        }
        context.reply("🚩 " + moderation.countOpenReports(context.handle()) + " open report(s); the oldest " + open.size() + ":");
        for (Report report : open) {
            String reason = ReportReason.ofCode(report.reason()).map(ReportReason::label).orElse(report.reason());
            context.send(notice(context.userId(), "Report #" + report.id() + " · " + when(report.createdAt())
                    + "\nReason: " + reason + "\nReported user: " + report.reportedId() + " · chat " + report.chatId()
                    + "\nReporter: " + report.reporterId()
                    + (report.details() == null ? "" : "\nDetails: " + report.details()),
                    keyboard(row(button("Dismiss", "adm:dismiss:" + report.id()),
                            button("Ban 7 days", "adm:ban7:" + report.id()),
                            button("Ban forever", "adm:banperm:" + report.id())))));
        }
    }
}
