package org.luvhive.core.backup;

/** Which sets of a shared backup directory a command considers. */
public enum DatabaseScope {
    /** Only this database's sets ({@link DatabaseMatch#SAME} or {@link DatabaseMatch#IDENTITY_UNKNOWN}): the default. */
    THIS_DATABASE,
    /** Every set, whatever database it is of ({@code --all-databases}). */
    ALL_DATABASES
}
