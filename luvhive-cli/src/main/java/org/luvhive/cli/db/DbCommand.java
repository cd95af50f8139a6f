package org.luvhive.cli.db;

import picocli.CommandLine.Command;

/** {@code luvhive db}: the database's state, its migrations, and the on-call engineer's database tools. */
@Command(name = "db", description = "Database information, migrations, connections, running queries, pool, size and "
        + "growth, slow statements, indexes.",
        mixinStandardHelpOptions = true)
public final class DbCommand {
}
