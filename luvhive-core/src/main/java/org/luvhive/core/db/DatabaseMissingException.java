package org.luvhive.core.db;

/**
 * The server answers, but the database is not there (dropped, or its data lost): not a
 * network problem, and nothing to re-create empty. The message names the database and
 * the runbook section on recovering it, never a password.
 */
public final class DatabaseMissingException extends DatabaseUnavailableException {

    private static final long serialVersionUID = 1L;
    /** PostgreSQL's SQLSTATE for "database ... does not exist". */
    static final String INVALID_CATALOG_NAME = "3D000";
    private static final String READ = "read RUNBOOK.md \"Complete database recovery\"";

    DatabaseMissingException(String database, String where, Throwable cause) {
        super("database '" + database + "' does not exist on " + where + ": it was dropped or lost; " + READ, cause);
    }
}
