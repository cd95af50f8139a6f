package org.luvhive.core.delivery;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.internal.OutboxDao;

/** Deletes outbox rows that are done with. Thread-safe. */
public final class OutboxRetention {

    private final Jdbi jdbi;

    public OutboxRetention(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Deletes at most {@code batch} sent and cancelled rows created before {@code before}; returns how many. */
    public int deleteFinished(Instant before, int batch) {
        return jdbi.withExtension(OutboxDao.class, dao -> dao.deleteFinishedBefore(before, batch));
    }

    /** Sent and cancelled rows created before {@code before}: what {@link #deleteFinished} would remove. */
    public long countFinished(Instant before) {
        return jdbi.withExtension(OutboxDao.class, dao -> dao.countFinishedBefore(before));
    }
}
