package org.luvhive.core.update;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.update.internal.InboxDao;

/** Deletes inbox rows that are no longer needed. Thread-safe. */
public final class InboxRetention {

    /** The gauge a running bot shows {@link #waiting()} as. */
    public static final String WAITING = "luvhive.inbox.waiting";

    private final Jdbi jdbi;

    public InboxRetention(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Handled and skipped updates received before {@code before} (their payload is already gone). */
    public int deleteFinished(Instant before) {
        return jdbi.withExtension(InboxDao.class, dao -> dao.deleteFinishedBefore(before));
    }

    /** Dead letters received before {@code before}, payload and all. */
    public int deleteDead(Instant before) {
        return jdbi.withExtension(InboxDao.class, dao -> dao.deleteDeadBefore(before));
    }

    /** Updates stored and not yet handled (pending or waiting for a retry). */
    public long waiting() {
        return jdbi.withExtension(InboxDao.class, InboxDao::waitingCount);
    }
}
