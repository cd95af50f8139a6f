package org.luvhive.core.admin;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import java.time.Duration;
import java.util.Optional;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.moderation.Report;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/**
 * The buttons under a report (admin): {@code adm:dismiss:<id>}, {@code adm:ban7:<id>},
 * {@code adm:banperm:<id>}. A report is resolved once; a second admin's tap is refused.
 * Thread-safe.
 */
public final class ReportActionCallback implements UpdateHandler {

    public static final String PREFIX = "adm:";

    private final Banning banning;
    private final Moderation moderation;

    public ReportActionCallback(Banning banning, Moderation moderation) {
        this.banning = banning;
        this.moderation = moderation;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        if (arguments.length != 2 || !arguments[1].matches("\\d{1,18}")) {
            answerCallback(context, context.text("admin.unknown_action"), false);
            return;
        }
        long reportId = Long.parseLong(arguments[1]);
        Optional<Report> report = moderation.findReport(context.handle(), reportId);
        String action = arguments[0];
        boolean ban = action.equals("ban7") || action.equals("banperm");
        if (report.isEmpty() || !(ban || action.equals("dismiss"))
                || !moderation.resolve(context.handle(), reportId, ban, context.userId(), context.now())) {
            answerCallback(context, context.text("admin.report.handled"), false);
            editKeyboard(context, null);
            return;
        }
        if (ban) {
            banning.ban(context.handle(), report.get().reportedId(),
                    action.equals("ban7") ? context.now().plus(Duration.ofDays(7)) : null,
                    "report #" + reportId + " (" + report.get().reason() + ")", context.userId(), context.now());
        }
        moderation.audit(context.handle(), context.userId(), ban ? "report-ban" : "report-dismiss",
                String.valueOf(reportId), action, true, context.now());
        answerCallback(context, context.text(ban ? "admin.report.banned_toast" : "admin.report.dismissed_toast"), false);
        editKeyboard(context, null);
        context.reply(!ban ? context.text("admin.report.dismissed", reportId)
                : context.text(action.equals("ban7") ? "admin.report.banned_7" : "admin.report.banned_forever",
                        reportId, report.get().reportedId()));
    }
}
