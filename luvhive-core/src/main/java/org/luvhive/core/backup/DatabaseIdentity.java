package org.luvhive.core.backup;

/**
 * Which database a backup is of: the cluster's system identifier (from
 * {@code pg_control_system()}: shared by the cluster's replicas, new after {@code initdb}
 * or {@code pg_upgrade}), and the database's name and oid (a new oid when the database is
 * dropped and created again). Immutable.
 *
 * @param systemIdentifier the cluster's system identifier, as text (a 64-bit number)
 * @param database         the database's name
 * @param oid              the database's oid
 */
public record DatabaseIdentity(String systemIdentifier, String database, long oid) {

    /** The same database: same cluster and same oid (a renamed database stays itself). */
    public boolean sameDatabaseAs(DatabaseIdentity other) {
        return systemIdentifier.equals(other.systemIdentifier) && oid == other.oid;
    }

    /** For people: {@code luvhive (oid 16384, system identifier 7716113787634445812)}. */
    public String describe() {
        return database + " (oid " + oid + ", system identifier " + systemIdentifier + ")";
    }
}
