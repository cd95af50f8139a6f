package org.luvhive.core.backup;

import org.luvhive.core.LuvhiveException;

/** pg_dump failed, or its output did not pass the checks (exit code, errors, size); nothing was kept. */
public final class BackupFailedException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    public BackupFailedException(String message) {
        super(message);
    }

    public BackupFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
