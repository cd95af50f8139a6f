package org.luvhive.core.match;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.match.internal.MatchQueueDao;
import org.luvhive.core.match.internal.QueueEntry;
import org.luvhive.core.user.Users;

/**
 * The "Searching…" message each waiting user has: how many others are searching right now
 * and how many of them fit the user's filters, and the wait recent matches took. It is sent
 * once when a search begins and then edited in place, through the outbox: each status is
 * looked at no more often than every {@link #EDIT_EVERY}, and edited only when its text
 * changed. Whichever instance runs {@link #refresh} takes each look with a compare-and-set
 * on the queue row, so two instances never edit one status twice. Thread-safe.
 */
public final class SearchStatus {

    /** Telegram takes about one message a second into a private chat; an edit every 15 s leaves room for chat. */
    public static final Duration EDIT_EVERY = Duration.ofSeconds(15);
    /** Wait samples are kept this long. */
    public static final Duration WAITS_KEPT = Duration.ofDays(1);
    /** Statuses looked at per run, so a long queue is worked through in slices. */
    static final int PER_RUN = 200;

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Clock clock;
    private final StatusText texts;

    public SearchStatus(Jdbi jdbi, Outbox outbox, Clock clock, Users users) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.clock = clock;
        this.texts = new StatusText(outbox, users);
    }

    /**
     * Edits the status messages whose text changed and that were not looked at for
     * {@link #EDIT_EVERY}; returns how many were edited.
     */
    public int refresh() {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            MatchQueueDao queue = handle.attach(MatchQueueDao.class);
            List<QueueEntry> due = queue.statusesDue(now.minus(EDIT_EVERY), PER_RUN);
            if (due.isEmpty()) {
                return 0;
            }
            StatusText.Estimate estimate = StatusText.estimate(handle, now);
            int edited = 0;
            for (QueueEntry entry : due) {
                String text = texts.text(handle, entry, estimate, now);
                if (queue.claimStatus(entry.userId(), entry.statusMessageId(), entry.statusAt(), text, now) == 1
                        && !text.equals(entry.statusText())) {
                    outbox.enqueue(handle, StatusText.edit(entry.userId(), entry.statusMessageId(), text));
                    edited++;
                }
            }
            return edited;
        });
    }

    /** Deletes wait samples older than {@link #WAITS_KEPT}; returns how many. */
    public int pruneWaits() {
        return jdbi.inTransaction(handle -> handle.attach(MatchQueueDao.class)
                .pruneWaits(clock.instant().minus(WAITS_KEPT)));
    }

    /** Telegram's id for a status message, once it was sent; false for anything else. */
    boolean delivered(Handle handle, String correlation, int messageId) {
        if (!correlation.startsWith(StatusText.CORRELATION)) {
            return false;
        }
        String[] parts = correlation.substring(StatusText.CORRELATION.length()).split(":");
        if (parts.length == 2 && parts[0].matches("\\d{1,19}") && parts[1].matches("-?\\d{1,19}")) {
            handle.attach(MatchQueueDao.class).setStatusMessage(Long.parseLong(parts[0]),
                    Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS), messageId);
        }
        return true;
    }

}
