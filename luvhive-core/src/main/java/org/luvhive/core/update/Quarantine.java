package org.luvhive.core.update;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.update.internal.QuarantineDao;

/**
 * The updates that could not be stored or understood, for operators
 * ({@code luvhive inbox quarantine}) and the alert. Read-only; thread-safe.
 */
public final class Quarantine {

    private final Jdbi jdbi;

    public Quarantine(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The newest {@code limit}, newest first. */
    public List<QuarantinedUpdate> newest(int limit) {
        return jdbi.withExtension(QuarantineDao.class, dao -> dao.newest(limit));
    }

    /** How many are held. */
    public long count() {
        return jdbi.withExtension(QuarantineDao.class, QuarantineDao::count);
    }

    /** How many were quarantined after {@code since}. */
    public long countSince(Instant since) {
        return jdbi.withExtension(QuarantineDao.class, dao -> dao.countSince(since));
    }
}
