package org.luvhive.core.match;

import static org.luvhive.core.ui.Notices.notice;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.i18n.DurationWords;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.match.internal.MatchQueueDao;
import org.luvhive.core.match.internal.QueueEntry;
import org.luvhive.core.match.internal.WaitingCount;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/**
 * What a waiting user's "Searching…" message says: how many others are searching now (and
 * how many fit their filters) and the median wait of recent matches, or that there were too
 * few to tell. Stateless; thread-safe.
 */
final class StatusText {

    /** Matches this recent make the estimate; fewer than {@link #ESTIMATE_SAMPLES} make none. */
    static final Duration ESTIMATE_WINDOW = Duration.ofHours(1);
    static final int ESTIMATE_SAMPLES = 3;
    static final String CORRELATION = "search:";

    private final Outbox outbox;
    private final Users users;

    StatusText(Outbox outbox, Users users) {
        this.outbox = outbox;
        this.users = users;
    }

    /** Sends the status message of the search the user just began (they are waiting). */
    void begin(Handle handle, long userId, Instant now) {
        MatchQueueDao queue = handle.attach(MatchQueueDao.class);
        Optional<QueueEntry> entry = queue.entry(userId);
        if (entry.isEmpty()) {
            return;
        }
        String text = text(handle, entry.get(), estimate(handle, now), now);
        queue.startStatus(userId, entry.get().enqueuedAt(), text, now);
        outbox.enqueue(handle, notice(userId, text).correlatedWith(correlation(userId, entry.get().enqueuedAt())));
    }

    /** Says on the user's status message, if it was sent, that this search is over ({@code key}: why). */
    void end(Handle handle, QueueEntry entry, String key) {
        if (entry.statusMessageId() != null) {
            outbox.enqueue(handle, edit(entry.userId(), entry.statusMessageId(),
                    Texts.of(users.language(handle, entry.userId()), key)));
        }
    }

    /** The status message {@code messageId} of {@code userId}, to read {@code text} now. */
    static OutboundMessage edit(long userId, int messageId, String text) {
        return OutboundMessage.of(userId, Priority.NOTICE, EditMessageText.builder().chatId(userId)
                .messageId(messageId).text(text).build());
    }

    private static String correlation(long userId, Instant since) {
        return CORRELATION + userId + ":" + ChronoUnit.MICROS.between(Instant.EPOCH, since);
    }

    String text(Handle handle, QueueEntry entry, Estimate estimate, Instant now) {
        UserProfile user = users.find(handle, entry.userId()).orElseThrow();
        Language language = user.language();
        boolean filtered = user.isPremium(now) && user.hasFilters() && !entry.widened();
        WaitingCount count = handle.attach(MatchQueueDao.class).countFor(entry.userId(), entry.widened(), now);
        String who = filtered ? Texts.of(language, "search.status.fitting", count.others(), count.fitting())
                : Texts.of(language, "search.status.others", count.others());
        return Texts.of(language, "search.status", who, estimate.describe(language));
    }

    static Estimate estimate(Handle handle, Instant now) {
        return new Estimate(handle.attach(MatchQueueDao.class).waitsSince(now.minus(ESTIMATE_WINDOW)));
    }

    /** The median of recent waits, or none when too few matches were made to tell. */
    record Estimate(List<Long> sortedWaitsMillis) {

        String describe(Language language) {
            if (sortedWaitsMillis.size() < ESTIMATE_SAMPLES) {
                return Texts.of(language, "search.status.no_estimate");
            }
            long median = sortedWaitsMillis.get(sortedWaitsMillis.size() / 2);
            String wait = median < 60_000 ? Texts.of(language, "search.status.under_minute")
                    : DurationWords.describe(Duration.ofMillis(median), language);
            return Texts.of(language, "search.status.estimate", wait, sortedWaitsMillis.size());
        }
    }
}
