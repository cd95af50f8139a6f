package org.luvhive.core.moderation;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.moderation.internal.ModerationDao;

/** Deletes what moderation no longer needs: the audit log after a year, resolved reports after 90 days. */
public final class ModerationRetention {

    private final Jdbi jdbi;
    private final Clock clock;

    public ModerationRetention(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public int run() {
        return jdbi.inTransaction(handle -> {
            ModerationDao moderation = handle.attach(ModerationDao.class);
            return moderation.deleteAuditBefore(clock.instant().minus(Duration.ofDays(365)))
                    + moderation.deleteResolvedReportsBefore(clock.instant().minus(Duration.ofDays(90)));
        });
    }
}
