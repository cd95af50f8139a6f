package org.luvhive.core.backup;

import org.luvhive.core.LuvhiveException;

/** No backup by that name (or none at all) in the backup directory. */
public final class BackupNotFoundException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    public BackupNotFoundException(String message) {
        super(message);
    }

    public BackupNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
