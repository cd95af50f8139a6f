package org.luvhive.core.db;

import org.luvhive.core.LuvhiveException;

/**
 * The database could not be reached or refused the login. The message never holds a
 * password. {@link DatabaseMissingException} when the server answers but the database is gone.
 */
public class DatabaseUnavailableException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
