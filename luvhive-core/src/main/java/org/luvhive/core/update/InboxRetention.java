package org.luvhive.core.update;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.update.internal.InboxDao;

/** Deletes inbox rows, or the user ids in them, once they are no longer needed. Thread-safe. */
public final class InboxRetention {

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

    /**
     * Removes the user and chat id from at most {@code batch} handled and skipped updates
     * received before {@code before}; the update_id stays for redelivery detection.
     */
    public int forgetUsers(Instant before, int batch) {
        return jdbi.withExtension(InboxDao.class, dao -> dao.forgetUsersBefore(before, batch));
    }
}
