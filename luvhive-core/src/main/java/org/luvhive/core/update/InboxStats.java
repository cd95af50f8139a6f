package org.luvhive.core.update;

import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.update.internal.InboxDao;

/** The inbox's figures for operators and alerts. Read-only; thread-safe. */
public final class InboxStats {

    /** The gauge a running bot shows {@link #waiting()} as. */
    public static final String WAITING = "luvhive.inbox.waiting";

    private final Jdbi jdbi;

    public InboxStats(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Updates stored and not yet handled (pending or waiting for a retry). */
    public long waiting() {
        return jdbi.withExtension(InboxDao.class, InboxDao::waitingCount);
    }
}
