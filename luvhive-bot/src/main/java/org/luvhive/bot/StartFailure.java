package org.luvhive.bot;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * One line for an unexpected start-up failure: what failed at its root, and whether it was
 * the database going away (exit 4, as for a database unreachable at the first connection).
 * Stateless.
 */
final class StartFailure {

    private StartFailure() {
    }

    /** True when the cause chain holds a lost or refused connection (SQLSTATE class 08, or the pool timing out). */
    static boolean isDatabaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "database unavailable while starting: ..." or "start-up failed: ...", naming the root
     * cause's type and first message line (a driver's message names host and port, never
     * the password; a statement's arguments are not included).
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return (isDatabaseUnreachable(failure) ? "database unavailable while starting: " : "start-up failed: ")
                + root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
