package org.luvhive.core.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Claims one outbox row for sending, so no two senders (threads or instances) send it,
 * and no row overtakes an earlier one of the same chat (rows of a chat go in the order
 * they were queued; priority orders chats against each other): under a transaction-scoped
 * advisory lock on the chat, the row is claimed only if nothing earlier of that chat is
 * queued or in flight. Rows for a chat that blocked the bot are cancelled instead.
 * Thread-safe.
 */
public final class ClaimStep {

    /** Advisory-lock key space of outbox chat claims (the first key of the two-int form). */
    static final int LOCK_SPACE = 0x4C48_0001;

    public enum Result { CLAIMED, WAIT, GONE }

    private final Jdbi jdbi;
    private final String owner;
    private final Duration lease;

    public ClaimStep(Jdbi jdbi, String owner, Duration lease) {
        this.jdbi = jdbi;
        this.owner = owner;
        this.lease = lease;
    }

    public Result claim(OutboxRow row, Instant now) {
        return jdbi.inTransaction(handle -> {
            OutboxDao outbox = handle.attach(OutboxDao.class);
            if (!outbox.tryLockChat(LOCK_SPACE, row.chatId())) {
                return Result.WAIT;
            }
            if (handle.attach(DeliveryDao.class).isBlocked(row.chatId())) {
                outbox.cancelQueuedFor(row.chatId(), "recipient blocked the bot");
                return Result.GONE;
            }
            if (outbox.hasEarlier(row.chatId(), row.id())) {
                return Result.WAIT;
            }
            return outbox.claim(row.id(), owner, now.plus(lease)) == 1 ? Result.CLAIMED : Result.GONE;
        });
    }

    public int releaseExpiredLeases(Instant now) {
        return jdbi.withExtension(OutboxDao.class, dao -> dao.releaseExpiredLeases(now));
    }
}
