package org.luvhive.cli.backup;

import java.util.Optional;
import org.luvhive.cli.support.CliFailure;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.core.backup.DatabaseScope;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The shared {@code [NAME | --latest]}: one backup by name (of any database), or the newest
 * of this database, or of any with {@code --all-databases} (also when neither is given).
 */
public final class BackupSelection {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
            description = "The backup (as 'luvhive backup list' shows it); default: the newest.")
    String name;

    @Option(names = "--latest", description = "The newest complete backup of this database.")
    boolean latest;

    @Mixin
    AllDatabasesOption databases;

    /** The name, or empty for the newest. */
    Optional<String> name() {
        if (latest && name != null) {
            throw new CliFailure(ExitCode.USAGE, "give a backup NAME or --latest, not both");
        }
        return Optional.ofNullable(name);
    }

    /** Whose newest set {@code --latest} takes. */
    DatabaseScope scope() {
        return databases.scope();
    }
}
