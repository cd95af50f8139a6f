package org.luvhive.cli.db;

import picocli.CommandLine.Command;

/** {@code luvhive db pool}: every running bot's connection pool, reset or resized live. */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = "Reset or resize every running bot's connection pool, live (see 'db connections' for the pools).")
public final class DbPoolCommand {
}
