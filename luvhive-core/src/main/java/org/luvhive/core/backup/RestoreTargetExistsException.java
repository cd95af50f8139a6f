package org.luvhive.core.backup;

import org.luvhive.core.LuvhiveException;

/** The restore target exists (and {@code --force} was not given), or is a database that must never be a target. */
public final class RestoreTargetExistsException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    public RestoreTargetExistsException(String message) {
        super(message);
    }

    public RestoreTargetExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
