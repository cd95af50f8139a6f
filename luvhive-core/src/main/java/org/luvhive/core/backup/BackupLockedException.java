package org.luvhive.core.backup;

import org.luvhive.core.LuvhiveException;

/** Another backup run holds the backup directory's lock; the message names the holder. */
public final class BackupLockedException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    private final String holder;

    public BackupLockedException(String message, String holder) {
        super(message);
        this.holder = holder;
    }

    /** Who holds the lock: pid, user, host, command and since when. */
    public String holder() {
        return holder;
    }
}
