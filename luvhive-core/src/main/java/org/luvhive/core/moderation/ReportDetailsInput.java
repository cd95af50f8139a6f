package org.luvhive.core.moderation;

import org.luvhive.core.moderation.internal.ModerationDao;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;

/** The optional text a reporter adds after filing a report (or {@code /skip}). Thread-safe. */
public final class ReportDetailsInput {

    /** The user's pending input while the bot waits for the details of report {@code <id>}: {@code report:<id>}. */
    public static final String PENDING = "report:";
    private static final int MAX_LENGTH = 1000;

    private final Users users;

    public ReportDetailsInput(Users users) {
        this.users = users;
    }

    /** True when the user's pending input was report details and this text answered it. */
    public boolean handle(UpdateContext context, UserProfile user, String text) {
        if (user.pendingInput() == null || !user.pendingInput().startsWith(PENDING)) {
            return false;
        }
        long reportId = Long.parseLong(user.pendingInput().substring(PENDING.length()));
        users.setPendingInput(context.handle(), user.userId(), null, context.now());
        if (text.strip().equalsIgnoreCase("/skip")) {
            context.replyText("report.no_details");
            return true;
        }
        String details = text.strip();
        if (details.length() > MAX_LENGTH) {
            details = details.substring(0, MAX_LENGTH);
        }
        context.handle().attach(ModerationDao.class).addDetails(reportId, user.userId(), details);
        context.replyText("report.details_added");
        return true;
    }
}
