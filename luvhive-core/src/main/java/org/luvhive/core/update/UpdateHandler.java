package org.luvhive.core.update;

/**
 * Handles one kind of update: one command, one callback prefix or one message kind.
 * It runs inside the database transaction that marks the update handled; it changes
 * state through that transaction and sends only by writing outbox rows
 * ({@link UpdateContext#send}). Throwing rolls everything back and the update is
 * retried a bounded number of times, then parked. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface UpdateHandler {

    void handle(UpdateContext context);
}
