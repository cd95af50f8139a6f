package org.luvhive.cli.backup;

import org.luvhive.core.backup.DatabaseScope;
import picocli.CommandLine.Option;

/**
 * The shared {@code --all-databases}: a backup directory may hold other databases' sets
 * (another bot's, a database dropped and created again); without it a command considers
 * only this database's.
 */
public final class AllDatabasesOption {

    @Option(names = "--all-databases",
            description = "Consider the sets of every database in the backup directory, not only this database's.")
    boolean allDatabases;

    DatabaseScope scope() {
        return allDatabases ? DatabaseScope.ALL_DATABASES : DatabaseScope.THIS_DATABASE;
    }
}
