package org.luvhive.core.update;

/**
 * Handles one kind of update: one command, one callback prefix or one message kind.
 * It runs inside the database transaction that marks the update handled; it changes
 * state through that transaction and sends only by writing outbox rows
 * ({@link UpdateContext#send}). Throwing rolls everything back and the update is
 * retried a bounded number of times, then parked. A handler may also be run again in the
 * same batch, its first run undone, when another update of the batch fails: what it does
 * outside the transaction waits for the commit ({@link org.luvhive.core.db.CommitHooks}),
 * except calls to Telegram ({@link UpdateContext#callNow}), which are never repeated that
 * way. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface UpdateHandler {

    void handle(UpdateContext context);
}
