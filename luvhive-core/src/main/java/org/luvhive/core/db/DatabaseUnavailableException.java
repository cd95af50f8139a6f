package org.luvhive.core.db;

import org.luvhive.core.LuvhiveException;

/** The database could not be reached or refused the login. The message never holds a password. */
public final class DatabaseUnavailableException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
