package org.luvhive.core.backup;

import org.luvhive.core.LuvhiveException;

/** pg_dump or pg_restore is missing, or older than the server; the message names the package to install. */
public final class PgToolsMissingException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    public PgToolsMissingException(String message) {
        super(message);
    }

    public PgToolsMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
