package org.luvhive.core.backup;

import org.luvhive.core.LuvhiveException;

/**
 * A restore (or a restore test) could not be done: the target could not be created or
 * replaced, or pg_restore failed. Whatever this run created has been dropped; an existing
 * target is left as it was.
 */
public final class RestoreFailedException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    public RestoreFailedException(String message) {
        super(message);
    }

    public RestoreFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
