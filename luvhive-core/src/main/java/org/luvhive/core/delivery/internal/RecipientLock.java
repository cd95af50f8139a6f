package org.luvhive.core.delivery.internal;

import java.util.Collection;
import org.jdbi.v3.core.Handle;

/**
 * A transaction-scoped advisory lock on one recipient's chat, serialising the two sides of
 * "is this user reachable?": the sender recording a 403 (check "have they written
 * since?", park the row, cancel their queue, mark them blocked) and the intake handling
 * something they sent (clear the mark, queue the answer). Without it the sender could
 * check before the user's update is stored and mark them after it was handled, cancelling
 * the answer and leaving them marked. Waits for the other side's transaction to end.
 *
 * <p>Advisory-lock key spaces of the delivery feature (the first key of the two-int form,
 * the second is {@code hashtext} of the chat or owner): {@code 0x4C48_0001} outbox chat
 * claims ({@link ClaimStep}), {@code 0x4C48_0002} claim owners ({@link ClaimOwnerSession}),
 * {@code 0x4C48_0003} recipients (this). Stateless and thread-safe.
 */
public final class RecipientLock {

    /** Advisory-lock key space of recipients (the first key of the two-int form). */
    static final int LOCK_SPACE = 0x4C48_0003;

    private RecipientLock() {
    }

    /** Takes the chat's lock for the rest of {@code handle}'s transaction, waiting for a holder. */
    public static void lock(Handle handle, long chatId) {
        handle.attach(DeliveryDao.class).lockRecipient(LOCK_SPACE, chatId);
    }

    /**
     * Takes the locks of these chats for the rest of {@code handle}'s transaction, in one
     * statement and in ascending order, so that two transactions taking several never wait
     * on each other in a circle.
     */
    public static void lockAll(Handle handle, Collection<Long> chatIds) {
        long[] ascending = chatIds.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
        handle.createQuery("select count(pg_advisory_xact_lock(:lockSpace, hashtext(id::text))) from unnest(:ids) as id")
                .bind("lockSpace", LOCK_SPACE).bind("ids", ascending).mapTo(Long.class).one();
    }
}
