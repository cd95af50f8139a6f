package org.luvhive.core.match;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.i18n.DurationWords;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.match.internal.MatchQueueDao;
import org.luvhive.core.match.internal.QueueEntry;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;

/**
 * Scheduled queue work: a full matching sweep (for what time alone changes), and the offer
 * to users who waited long without a match: to widen their filters for this search (one
 * tap) or keep waiting, so nobody waits silently. Each run is one short transaction.
 * Thread-safe.
 */
public final class QueueMaintenance {

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Clock clock;
    private final Matcher matcher;
    private final Users users;
    private final Duration widenAfter;

    public QueueMaintenance(Jdbi jdbi, Outbox outbox, Clock clock, Matcher matcher, Users users,
                            Duration widenAfter) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.clock = clock;
        this.matcher = matcher;
        this.users = users;
        this.widenAfter = widenAfter;
    }

    /** Pairs whoever can be paired now; returns the pairs made. */
    public int sweep() {
        return jdbi.inTransaction(handle -> matcher.sweep(handle, clock.instant()));
    }

    /**
     * Makes the offer, once per search, to each user waiting longer than the threshold:
     * widen or keep waiting when premium filters narrow their search, else keep waiting or
     * stop; returns how many were asked.
     */
    public int offerWiden() {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            var waiting = handle.attach(MatchQueueDao.class).markLongWaiting(now.minus(widenAfter));
            for (long userId : waiting) {
                UserProfile user = users.find(handle, userId).orElseThrow();
                Language language = user.language();
                boolean filtered = user.isPremium(now) && user.hasFilters()
                        && !handle.attach(MatchQueueDao.class).entry(userId).map(QueueEntry::widened).orElse(true);
                String waited = DurationWords.describe(widenAfter, language);
                outbox.enqueue(handle, filtered
                        ? notice(userId, Texts.of(language, "search.widen.offer_filtered", waited), keyboard(row(
                                button(Texts.of(language, "search.widen.button.widen"), WidenCallback.PREFIX + "yes"),
                                button(Texts.of(language, "search.widen.button.keep"), WidenCallback.PREFIX + "keep"))))
                        : notice(userId, Texts.of(language, "search.widen.offer", waited), keyboard(row(
                                button(Texts.of(language, "search.widen.button.keep"), WidenCallback.PREFIX + "keep"),
                                button(Texts.of(language, "search.widen.button.stop"), WidenCallback.PREFIX + "stop")))));
            }
            return waiting.size();
        });
    }
}
