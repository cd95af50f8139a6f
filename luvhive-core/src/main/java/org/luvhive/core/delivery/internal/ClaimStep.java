package org.luvhive.core.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Claims outbox rows for sending, so no two senders (threads or instances) send it,
 * and no row overtakes an earlier one of the same chat (rows of a chat go in the order
 * they were queued; priority orders chats against each other): under a transaction-scoped
 * advisory lock on the chat, the row is claimed only if nothing earlier of that chat is
 * queued or in flight. Rows for a chat that blocked the bot are cancelled instead. The
 * dispatcher claims a pass's rows together ({@link #claimAll}). Thread-safe.
 */
public final class ClaimStep {

    /** Advisory-lock key space of outbox chat claims (the first key of the two-int form; all spaces: {@link RecipientLock}). */
    static final int LOCK_SPACE = 0x4C48_0001;

    public enum Result { CLAIMED, WAIT, GONE }

    private final Jdbi jdbi;
    private final String owner;
    private final Duration lease;
    /**
     * How long after a failed sweep (a database outage, as a rule) owners first found
     * without their session get {@link #AFTER_OUTAGE_GRACE}: the outage may have ended
     * their sessions too, and a live sender takes its lock again only when its dispatcher
     * next looks (within a second or two of the database's return).
     */
    static final Duration AFTER_OUTAGE = Duration.ofSeconds(10);
    static final Duration AFTER_OUTAGE_GRACE = Duration.ofSeconds(10);

    /** Claim owners found without their session, and when their claims may be freed (this step's own observation). */
    private final Map<String, Instant> ownersFreeAfter = new HashMap<>();
    /** When a sweep last failed. */
    private Instant sweepFailedAt = Instant.MIN;

    public ClaimStep(Jdbi jdbi, String owner, Duration lease) {
        this.jdbi = jdbi;
        this.owner = owner;
        this.lease = lease;
    }

    /**
     * Claims rows of different chats together, each under the rule above, in one
     * statement and one commit (the round trip a dispatcher pass pays once, not per row);
     * the result of each row, by id.
     */
    public Map<Long, Result> claimAll(List<OutboxRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(handle -> OutboxStatements.claimAll(handle, rows, LOCK_SPACE, owner, now.plus(lease)));
    }

    public int releaseExpiredLeases(Instant now) {
        return jdbi.withExtension(OutboxDao.class, dao -> dao.releaseExpiredLeases(now));
    }

    /**
     * Frees the claims of senders whose session ended (a dead instance): of owners this
     * step has found without their session for {@code grace} and more. A live sender whose
     * connection dropped, or that waited out a database outage, takes its lock again
     * within a second, and keeps its claims; owners first found missing within
     * {@link #AFTER_OUTAGE} of a failed sweep here get {@link #AFTER_OUTAGE_GRACE} instead,
     * since the outage this step saw may have ended their sessions too.
     */
    public synchronized int releaseOrphanedClaims(Instant now, Duration grace) {
        try {
            return jdbi.withExtension(OutboxDao.class, dao -> {
                List<String> missing = dao.ownersWithoutSession(ClaimOwnerSession.LOCK_SPACE);
                ownersFreeAfter.keySet().retainAll(missing);
                boolean afterOutage = now.isBefore(sweepFailedAt.plus(AFTER_OUTAGE));
                Duration firstGrace = afterOutage && AFTER_OUTAGE_GRACE.compareTo(grace) > 0 ? AFTER_OUTAGE_GRACE : grace;
                missing.forEach(owner -> ownersFreeAfter.putIfAbsent(owner, now.plus(firstGrace)));
                String[] gone = ownersFreeAfter.entrySet().stream()
                        .filter(owner -> !owner.getValue().isAfter(now))
                        .map(Map.Entry::getKey).toArray(String[]::new);
                return gone.length == 0 ? 0 : dao.releaseClaimsOf(gone, ClaimOwnerSession.LOCK_SPACE);
            });
        } catch (RuntimeException failed) {
            sweepFailedAt = now;
            throw failed;
        }
    }
}
