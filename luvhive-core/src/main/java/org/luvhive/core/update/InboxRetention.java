package org.luvhive.core.update;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.update.internal.InboxDao;
import org.luvhive.core.update.internal.QuarantineDao;

/**
 * Deletes inbox rows, or the user ids in them, once they are no longer needed; each rule
 * also counts what it would remove ({@code luvhive db cleanup}'s dry run). Thread-safe.
 */
public final class InboxRetention {

    private final Jdbi jdbi;

    public InboxRetention(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** At most {@code batch} handled and skipped updates received before {@code before} (their payload is gone). */
    public int deleteFinished(Instant before, int batch) {
        return jdbi.withExtension(InboxDao.class, dao -> dao.deleteFinishedBefore(before, batch));
    }

    public long countFinished(Instant before) {
        return jdbi.withExtension(InboxDao.class, dao -> dao.countFinishedBefore(before));
    }

    /** At most {@code batch} dead letters received before {@code before}, payload and all. */
    public int deleteDead(Instant before, int batch) {
        return jdbi.withExtension(InboxDao.class, dao -> dao.deleteDeadBefore(before, batch));
    }

    public long countDead(Instant before) {
        return jdbi.withExtension(InboxDao.class, dao -> dao.countDeadBefore(before));
    }

    /** At most {@code batch} quarantined updates received before {@code before}, bytes and all. */
    public int deleteQuarantined(Instant before, int batch) {
        return jdbi.withExtension(QuarantineDao.class, dao -> dao.deleteBefore(before, batch));
    }

    public long countQuarantined(Instant before) {
        return jdbi.withExtension(QuarantineDao.class, dao -> dao.countBefore(before));
    }

    /**
     * Removes the user and chat id from at most {@code batch} handled and skipped updates
     * received before {@code before}; the update_id stays for redelivery detection.
     */
    public int forgetUsers(Instant before, int batch) {
        return jdbi.withExtension(InboxDao.class, dao -> dao.forgetUsersBefore(before, batch));
    }

    /**
     * Finished updates received before {@code before}, and not before {@code from}, that
     * still name their user or chat: what {@link #forgetUsers} would change once the older
     * ones are deleted.
     */
    public long countNamed(Instant from, Instant before) {
        return from.isBefore(before) ? jdbi.withExtension(InboxDao.class, dao -> dao.countNamedBetween(from, before)) : 0;
    }
}
