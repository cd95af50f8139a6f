package org.luvhive.core.backup;

import org.luvhive.core.LuvhiveException;

/** pg_restore failed; the half-restored database has been dropped. */
public final class RestoreFailedException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    public RestoreFailedException(String message) {
        super(message);
    }

    public RestoreFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
