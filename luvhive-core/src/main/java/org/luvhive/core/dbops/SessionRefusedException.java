package org.luvhive.core.dbops;

import org.luvhive.core.LuvhiveException;

/**
 * A session may not be cancelled or terminated: it is the command's own, in another
 * database, a superuser's or a replication session (without {@code --force}), has no
 * statement to cancel, or the server denied the signal. The message says which.
 */
public final class SessionRefusedException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    public SessionRefusedException(String message) {
        super(message);
    }

    public SessionRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
