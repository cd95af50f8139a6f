package org.luvhive.core.backup;

/** Whether a backup set is of the database the commands work for ({@link ThisDatabase}). */
public enum DatabaseMatch {
    /** Its recorded identity is this database's: same cluster, same database oid. */
    SAME("same"),
    /**
     * Taken to be this database's by database name and server, because an identity to
     * compare is missing: the manifest was written before luvhive recorded identities, or
     * this database's identity is not known yet (no create has run for this configuration).
     */
    IDENTITY_UNKNOWN("identity-unknown"),
    /** Another database's: another identity, or another name or server. */
    FOREIGN("foreign");

    private final String label;

    DatabaseMatch(String label) {
        this.label = label;
    }

    /** As printed and in JSON ({@code database_match}). */
    public String label() {
        return label;
    }
}
