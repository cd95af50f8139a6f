package org.luvhive.core.bot.internal;

import org.luvhive.core.moderation.Screening;
import org.luvhive.core.ui.Notices;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Users;

/**
 * Wraps {@code /find} and {@code /next}: someone who said they were under 18 is never
 * matched; moderation may refuse a search (a user held out of matching, a new account in
 * lockdown, partners skipped too fast). Thread-safe.
 */
public final class SearchGate implements UpdateHandler {

    private final Screening screening;
    private final Users users;
    private final UpdateHandler search;

    public SearchGate(Screening screening, Users users, UpdateHandler search) {
        this.screening = screening;
        this.users = users;
        this.search = search;
    }

    @Override
    public void handle(UpdateContext context) {
        if (users.declaredMinor(context.handle(), context.userId())) {
            context.replyText("match.minor"); // whatever age they typed since: the pairing query refuses them too
            Notices.answerCallback(context);
        } else if (screening.admitSearch(context)) {
            search.handle(context);
        } else {
            Notices.answerCallback(context);
        }
    }
}
