package org.luvhive.core.bot.internal;

import org.luvhive.core.moderation.Screening;
import org.luvhive.core.ui.Notices;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/**
 * Wraps {@code /find} and {@code /next}: moderation may refuse a search (a user held out
 * of matching, a new account in lockdown, partners skipped too fast). Thread-safe.
 */
public final class SearchGate implements UpdateHandler {

    private final Screening screening;
    private final UpdateHandler search;

    public SearchGate(Screening screening, UpdateHandler search) {
        this.screening = screening;
        this.search = search;
    }

    @Override
    public void handle(UpdateContext context) {
        if (screening.admitSearch(context)) {
            search.handle(context);
        } else {
            Notices.answerCallback(context);
        }
    }
}
