package org.luvhive.core.match;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.Ratings;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.match.internal.MatchQueueDao;
import org.luvhive.core.match.internal.QueueEntry;
import org.luvhive.core.user.Users;

/**
 * The match queue and pairing. Every change to the queue and every pairing first takes
 * the chat lock ({@link Chats#lock}), so pairing is serialised across threads and bot
 * instances and each search sees every committed waiting user: after any commit, no two
 * waiting users could be paired with each other. {@link #sweep} re-checks the whole queue
 * for what time alone changes (re-match cooldowns, premium filters lapsing). The chosen
 * candidate's row is locked {@code FOR UPDATE}, waiting for a lock another transaction holds
 * on it: outside the chat lock only short writes lock queue rows (a status message's id
 * recorded when it is delivered, its text refreshed, the waiting notice), and skipping such a
 * row ({@code SKIP LOCKED}, as before) left two compatible users both waiting until the next
 * sweep. Such a write that locks two queue rows (a group of delivered status messages, the
 * text refresh) can meet the sweep, or a boost or a widen (which lock the seeker's own row
 * first), in a deadlock; PostgreSQL then fails one side, which is retried: the update by the
 * inbox, a group of marks one by one, the sweep at its next run.
 * Stateless; thread-safe.
 */
public final class Matcher {

    private final Chats chats;
    private final Users users;
    private final MatchIntro intro;
    private final StatusText status;
    private final Duration rematchCooldown;

    public Matcher(Outbox outbox, Chats chats, Users users, Ratings ratings, Duration rematchCooldown) {
        this.chats = chats;
        this.users = users;
        this.intro = new MatchIntro(outbox, users, ratings);
        this.status = new StatusText(outbox, users);
        this.rematchCooldown = rematchCooldown;
    }

    private void lock(Handle handle) {
        chats.lock(handle);
    }

    /**
     * Puts an onboarded, unbanned user in the queue and pairs them with the first
     * compatible waiting user, if any; when there is none, sends their "Searching…" status
     * message (see {@link SearchStatus}).
     */
    public SearchOutcome search(Handle handle, long userId, Instant now) {
        lock(handle);
        if (chats.active(handle, userId).isPresent()) {
            return SearchOutcome.IN_CHAT;
        }
        MatchQueueDao queue = handle.attach(MatchQueueDao.class);
        if (queue.enqueue(userId, now) == 0) {
            return SearchOutcome.ALREADY_WAITING;
        }
        if (pair(handle, userId, now)) {
            return SearchOutcome.MATCHED;
        }
        status.begin(handle, userId, now);
        return SearchOutcome.WAITING;
    }

    /** Moves a waiting user to the front of the queue and tries to pair them at once. */
    public boolean boost(Handle handle, long userId, Instant now) {
        lock(handle);
        handle.attach(MatchQueueDao.class).boost(userId, now);
        return pair(handle, userId, now);
    }

    /**
     * Drops the user's filters for the rest of their current search (the offer to widen,
     * taken) and tries to pair them at once; false when they are not waiting (or had widened).
     */
    public boolean widen(Handle handle, long userId, Instant now) {
        lock(handle);
        if (handle.attach(MatchQueueDao.class).widen(userId) == 0) {
            return false;
        }
        pair(handle, userId, now);
        return true;
    }

    /** Users waiting since {@code before} or earlier, longest first. */
    public List<Waiting> waitingSince(Handle handle, Instant before) {
        return handle.attach(MatchQueueDao.class).waitingSince(before).stream()
                .map(entry -> new Waiting(entry.userId(), entry.enqueuedAt(), entry.widened())).toList();
    }

    /** Takes the user out of the queue; true when they were in it. */
    public boolean leave(Handle handle, long userId) {
        lock(handle);
        return handle.attach(MatchQueueDao.class).remove(userId) > 0;
    }

    /**
     * The user stops searching themselves ({@code /cancel}, {@code /stop}, Stop searching):
     * out of the queue, and their "Searching…" message says the search stopped; true when
     * they were searching.
     */
    public boolean stopSearching(Handle handle, long userId) {
        lock(handle);
        Optional<QueueEntry> entry = handle.attach(MatchQueueDao.class).removeReturning(userId);
        entry.ifPresent(left -> status.end(handle, left, "search.status.stopped"));
        return entry.isPresent();
    }

    public boolean isWaiting(Handle handle, long userId) {
        return handle.attach(MatchQueueDao.class).isWaiting(userId);
    }

    /** How many users are searching. */
    public long countWaiting(Handle handle) {
        return handle.attach(MatchQueueDao.class).count();
    }

    /** Takes the user out of the queue for good (for {@code /delete_me}; the queue keeps nothing else of theirs). */
    public void forget(Handle handle, long userId) {
        leave(handle, userId);
    }

    /** Pairs every waiting user that can be paired, in queue order; returns the pairs made. */
    public int sweep(Handle handle, Instant now) {
        lock(handle);
        MatchQueueDao queue = handle.attach(MatchQueueDao.class);
        Set<Long> paired = new HashSet<>();
        int pairs = 0;
        for (long userId : queue.waitingInOrder()) {
            if (paired.contains(userId)) {
                continue;
            }
            Optional<Long> partner = queue.firstCompatible(userId, now, now.minus(rematchCooldown));
            if (partner.isPresent()) {
                connect(handle, userId, partner.get(), now);
                paired.add(userId);
                paired.add(partner.get());
                pairs++;
            }
        }
        return pairs;
    }

    private boolean pair(Handle handle, long userId, Instant now) {
        Optional<Long> partner = handle.attach(MatchQueueDao.class)
                .firstCompatible(userId, now, now.minus(rematchCooldown));
        if (partner.isEmpty()) {
            return false;
        }
        connect(handle, userId, partner.get(), now);
        return true;
    }

    private void connect(Handle handle, long first, long second, Instant now) {
        MatchQueueDao queue = handle.attach(MatchQueueDao.class);
        Optional<QueueEntry> firstEntry = queue.removeReturning(first);
        Optional<QueueEntry> secondEntry = queue.removeReturning(second);
        firstEntry.ifPresent(entry -> status.end(handle, entry, "search.status.found"));
        secondEntry.ifPresent(entry -> status.end(handle, entry, "search.status.found"));
        Optional<Instant> firstSince = firstEntry.map(QueueEntry::enqueuedAt);
        Optional<Instant> secondSince = secondEntry.map(QueueEntry::enqueuedAt);
        // the wait estimate learns from the one who waited: the other may have just arrived
        firstSince.or(() -> secondSince).map(since -> secondSince.filter(other -> other.isBefore(since)).orElse(since))
                .ifPresent(since -> queue.recordWait(now, Math.max(0, Duration.between(since, now).toMillis())));
        // a question left unanswered before the chat (a profile edit, report details) must not
        // swallow the first message meant for the partner, nor one typed long after the chat
        users.setPendingInput(handle, first, null, now);
        users.setPendingInput(handle, second, null, now);
        long chatId = chats.start(handle, first, second, now);
        intro.send(handle, chatId, first, second, now);
        intro.send(handle, chatId, second, first, now);
    }
}
