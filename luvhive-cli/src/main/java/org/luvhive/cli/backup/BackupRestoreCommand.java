package org.luvhive.cli.backup;

import java.io.Console;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.CliFailure;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.backup.Backups;
import org.luvhive.core.backup.RestoreRequest;
import org.luvhive.core.backup.RestoreResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code luvhive backup restore}: a backup into a new database, never the live one. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        header = "Restore a backup into a new database (then: luvhive switch-database DBNAME).",
        description = "The target is created from template0 on the same server, restored into, and its row counts "
                + "are checked against the manifest. A failed restore drops the half-restored database. The live "
                + "database is never a target. With --force an existing target is replaced only after the restore "
                + "(into a temporary database) passed; on a failure it is left as it was. --jobs is 1 to 16, "
                + "lowered to the server's free connections.")
public final class BackupRestoreCommand implements Callable<Integer>, DocumentsExitCodes {

    private final CliContext context;

    @Mixin
    BackupSelection selection;

    @Option(names = "--target", required = true, paramLabel = "DBNAME", description = "The new database's name.")
    String target;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2", description = "Parallel pg_restore jobs, 1 to 16 (default 2).")
    int jobs;

    @Option(names = "--force", description = "Replace the target if it exists (asks first, unless --yes).")
    boolean force;

    @Option(names = "--yes", description = "Do not ask before replacing an existing target.")
    boolean yes;

    @Mixin
    JsonOption json;

    BackupRestoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RestoreRequest request;
        try {
            request = new RestoreRequest(selection.name(), target, jobs, force, selection.scope());
        } catch (IllegalArgumentException invalid) {
            throw new CliFailure(ExitCode.USAGE, invalid.getMessage());
        }
        if (force && !yes) {
            confirm(Backups.databaseExists(context.databaseOrServer(), target));
        }
        RestoreResult result = BackupCli.backups(context, json.enabled()).restore(context.databaseOrServer(), request,
                notice -> context.err().println("luvhive: " + notice));
        if (json.enabled()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("backup", result.backup());
            out.put("target", result.target());
            out.put("database_url", result.maskedUrl());
            out.put("tables", result.tables());
            out.put("rows", result.rows());
            out.put("replaced", result.replaced());
            out.put("database", result.database());
            out.put("database_match", result.match().label());
            out.put("configured_database_missing", result.missing().isPresent());
            context.out().println(context.json().render(out));
        } else {
            context.out().printf("Restored %s%s into database '%s'%s: %d tables, %d rows, row counts equal the "
                    + "manifest's.%n", result.backup(), result.missing().map(configured -> BackupCli.belongingToMissing(result.match(),
                            result.database(), configured)).orElseGet(() -> BackupCli.belonging(result.match(),
                            result.database())),
                    result.target(), result.replaced() ? " (replacing the old one)" : "", result.tables(), result.rows());
            context.out().printf("Its URL: %s%s. To move the running bots to it (live, no restart):%n"
                    + "  luvhive switch-database %s%n", result.maskedUrl(),
                    result.hasPassword() ? " (password as before)" : "", result.target());
            context.out().println("Then run 'ANALYZE' (or vacuumdb --analyze-only) on it: restored tables have no statistics.");
        }
        return ExitCode.OK.code();
    }

    /** Asks on the terminal; without one, --force needs --yes. */
    private void confirm(boolean exists) {
        if (!exists) {
            return; // nothing to replace
        }
        Console console = System.console();
        if (console == null) {
            throw new CliFailure(ExitCode.USAGE, "--force may replace database '" + target
                    + "' and there is no terminal to ask on: add --yes to confirm");
        }
        String answer = console.readLine("Database '%s' exists: it will be DROPPED and replaced by the restored copy "
                + "once the restore has passed (on a failure it is left as it was). Type its name to go on: ", target);
        if (answer == null || !answer.strip().equals(target)) {
            throw new CliFailure(ExitCode.TARGET_EXISTS, "not confirmed; database '" + target + "' left as it was");
        }
    }

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.CONFIG_INVALID, ExitCode.DATABASE_UNAVAILABLE, ExitCode.PG_TOOLS_MISSING, ExitCode.BACKUP_CORRUPT, ExitCode.TARGET_EXISTS, ExitCode.BACKUP_NOT_FOUND, ExitCode.RESTORE_FAILED, ExitCode.FAILURE);
    }
}
