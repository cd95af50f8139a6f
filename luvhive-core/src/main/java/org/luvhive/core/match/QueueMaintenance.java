package org.luvhive.core.match;

import static org.luvhive.core.ui.Notices.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.match.internal.MatchQueueDao;
import org.luvhive.core.user.Users;

/**
 * Scheduled queue work: a full matching sweep (for what time alone changes), and telling
 * users who have waited long that nothing matched yet, and why it may be. Each run is
 * one short transaction. Thread-safe.
 */
public final class QueueMaintenance {

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Clock clock;
    private final Matcher matcher;
    private final Users users;
    private final Duration waitingNoticeAfter;

    public QueueMaintenance(Jdbi jdbi, Outbox outbox, Clock clock, Matcher matcher, Users users,
                            Duration waitingNoticeAfter) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.clock = clock;
        this.matcher = matcher;
        this.users = users;
        this.waitingNoticeAfter = waitingNoticeAfter;
    }

    /** Pairs whoever can be paired now; returns the pairs made. */
    public int sweep() {
        return jdbi.inTransaction(handle -> matcher.sweep(handle, clock.instant()));
    }

    /** Tells each user waiting longer than the threshold, once per search; returns how many. */
    public int noticeLongWaits() {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            var waiting = handle.attach(MatchQueueDao.class).markLongWaiting(now.minus(waitingNoticeAfter));
            for (long userId : waiting) {
                boolean filtered = users.find(handle, userId).map(user -> user.isPremium(now) && user.hasFilters())
                        .orElse(false);
                outbox.enqueue(handle, notice(userId, Texts.of(users.language(handle, userId),
                        filtered ? "search.long_wait_filtered" : "search.long_wait")));
            }
            return waiting.size();
        });
    }
}
