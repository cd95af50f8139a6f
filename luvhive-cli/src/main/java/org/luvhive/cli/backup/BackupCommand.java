package org.luvhive.cli.backup;

import picocli.CommandLine.Command;

/** {@code luvhive backup}: pg_dump backups an operator can trust. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Backups of the bot's database: create, list, verify, restore, prune, check.",
                "Written to $LUVHIVE_BACKUP_DIR (default $LUVHIVE_HOME/backups); every run is logged to "
                        + "$LUVHIVE_LOG_DIR/backup.log."})
public final class BackupCommand {
}
