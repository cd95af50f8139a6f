package org.luvhive.core.update;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Ends an inbox batch early. {@link InboxProcessor} handles up to 16 updates in one
 * transaction; a handler that takes a lock every instance contends for (the chat lock,
 * taken by every /find, /next and pairing) would hold it until the whole batch commits,
 * so the other instances' pairings would wait for up to 15 more handlers. Whoever takes
 * such a lock calls {@link #endAfterThisUpdate}: the batch commits after this update, and
 * the rest of its claim goes back to waiting (still in order, claimed again at once).
 * Stateless; the mark lives on the handle, which is one transaction's. Thread-safe.
 */
public final class InboxBatch {

    private static final String END = "luvhive.inbox.endBatch";

    private InboxBatch() {
    }

    /** The batch in {@code handle}'s transaction commits after the update being handled. */
    public static void endAfterThisUpdate(Handle handle) {
        handle.define(END, Boolean.TRUE);
    }

    /** The request was undone with the writes of the handler that made it (rolled back to a savepoint). */
    static void forgetEnd(Handle handle) {
        handle.define(END, Boolean.FALSE);
    }

    static boolean endRequested(Handle handle) {
        return Boolean.TRUE.equals(handle.getConfig(SqlStatements.class).getAttribute(END));
    }
}
