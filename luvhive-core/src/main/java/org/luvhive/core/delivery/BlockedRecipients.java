package org.luvhive.core.delivery;

import java.util.Collection;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.delivery.internal.DeliveryDao;
import org.luvhive.core.delivery.internal.RecipientLock;

/**
 * Users the sender found unreachable (403). A user who writes to the bot again is
 * reachable again: the intake clears the mark in the transaction that handles their
 * update. Stateless and thread-safe.
 */
public final class BlockedRecipients {

    private BlockedRecipients() {
    }

    /**
     * Clears the marks of these users, if there are any. Takes their recipient locks first,
     * for the rest of the transaction (waiting while the sender records a 403 for one of
     * them), so whatever the transaction queues for them is not cancelled by a refusal
     * older than their return.
     */
    public static void reachableAgain(Handle handle, Collection<Long> chatIds) {
        if (!chatIds.isEmpty()) {
            RecipientLock.lockAll(handle, chatIds);
            handle.attach(DeliveryDao.class).unblockAll(chatIds.stream().mapToLong(Long::longValue).toArray());
        }
    }

    /** Clears the mark of a user who is forgotten. */
    public static void forget(Handle handle, long chatId) {
        handle.attach(DeliveryDao.class).unblock(chatId);
    }
}
