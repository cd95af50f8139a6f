package org.luvhive.core.backup;

import java.util.Objects;
import java.util.Optional;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.db.DatabaseConnector;

/**
 * The database the backup commands work for, against which every set in a (possibly
 * shared) backup directory is matched ({@link #match}): the configured database's name and
 * server, and its identity when known. A command that connects reads the identity from the
 * server; one that does not (list, check, prune, a plain verify: they work while the
 * database is down) takes it from the cache that every create writes for this host and
 * configuration; before the first create it is unknown. Immutable.
 *
 * @param database the configured database's name
 * @param server   its {@code host:port} as in {@code DATABASE_URL}; empty for the embedded server,
 *                 whose port changes at every start
 * @param identity its identity, when known
 */
public record ThisDatabase(String database, Optional<String> server, Optional<DatabaseIdentity> identity) {

    public ThisDatabase {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(identity, "identity");
    }

    /** The configured database ({@code DATABASE_URL}, or the embedded one when absent), its identity not known. */
    public static ThisDatabase configured(Optional<DatabaseUrl> url) {
        return configured(url, DatabaseConnector.EMBEDDED_DATABASE);
    }

    /** As {@link #configured(Optional)}, the embedded server's database being {@code embeddedDatabase}. */
    public static ThisDatabase configured(Optional<DatabaseUrl> url, String embeddedDatabase) {
        return url.map(configured -> new ThisDatabase(configured.database(),
                        Optional.of(configured.host() + ":" + configured.port()), Optional.empty()))
                .orElseGet(() -> new ThisDatabase(embeddedDatabase, Optional.empty(), Optional.empty()));
    }

    public ThisDatabase withIdentity(DatabaseIdentity known) {
        return new ThisDatabase(database, server, Optional.of(known));
    }

    /**
     * Whose set {@code manifest} describes: the same identity is this database's, another
     * identity another's; without two identities to compare, the same database name and
     * server count as this database's (identity unknown).
     */
    public DatabaseMatch match(BackupManifest manifest) {
        Optional<DatabaseIdentity> recorded = manifest.identity();
        if (recorded.isPresent() && identity.isPresent()) {
            return recorded.get().sameDatabaseAs(identity.get()) ? DatabaseMatch.SAME : DatabaseMatch.FOREIGN;
        }
        boolean sameName = database.equals(manifest.database())
                && server.map(configured -> configured.equals(manifest.server())).orElse(true);
        return sameName ? DatabaseMatch.IDENTITY_UNKNOWN : DatabaseMatch.FOREIGN;
    }

    /** For people: {@code luvhive@db.example:5432}, or {@code luvhive (embedded)}. */
    public String describe() {
        return server.map(where -> database + "@" + where).orElse(database + " (embedded)");
    }
}
