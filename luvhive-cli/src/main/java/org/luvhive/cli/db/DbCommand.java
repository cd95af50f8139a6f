package org.luvhive.cli.db;

import picocli.CommandLine.Command;

/** {@code luvhive db}: the database's state and its migrations. */
@Command(name = "db", description = "Database information and migrations.",
        mixinStandardHelpOptions = true)
public final class DbCommand {
}
