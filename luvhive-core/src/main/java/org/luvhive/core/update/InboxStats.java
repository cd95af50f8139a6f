package org.luvhive.core.update;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.update.internal.InboxDao;
import org.luvhive.core.update.internal.QuarantineDao;

/** The inbox's figures for operators and alerts. Read-only; thread-safe. */
public final class InboxStats {

    /** The gauge a running bot shows {@link #waiting()} as. */
    public static final String WAITING = "luvhive.inbox.waiting";
    /** The gauge a running bot shows {@link #quarantinedSince} over the last hour as (the quarantine alert). */
    public static final String QUARANTINED_LAST_HOUR = "luvhive.inbox.quarantined.last.hour";

    private final Jdbi jdbi;

    public InboxStats(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Updates stored and not yet handled (pending or waiting for a retry). */
    public long waiting() {
        return jdbi.withExtension(InboxDao.class, InboxDao::waitingCount);
    }

    /** Updates quarantined after {@code since}. */
    public long quarantinedSince(Instant since) {
        return jdbi.withExtension(QuarantineDao.class, dao -> dao.countSince(since));
    }
}
