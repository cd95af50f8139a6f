package org.luvhive.cli.backup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.CliFailure;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.backup.BackupFormat;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.Compression;
import org.luvhive.core.backup.CreateOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code luvhive backup create}: one pg_dump into a new, checksummed, complete backup set. */
@Command(name = "create", mixinStandardHelpOptions = true,
        header = "Dump the database into a new backup set (archive + manifest), under the backup lock.",
        description = "pg_dump runs in a snapshot of its own (the row counts in the manifest are taken in the same "
                + "snapshot); the archive is checked, hashed (SHA-256), fsynced and renamed into place, and the "
                + "manifest is written last. Nothing is kept if any step fails or the run is stopped (SIGTERM). "
                + "--jobs (directory format) is 1 to 16, lowered to the server's free connections.")
public final class BackupCreateCommand implements Callable<Integer>, DocumentsExitCodes {

    private final CliContext context;

    @Option(names = "--format", paramLabel = "custom|directory", defaultValue = "custom",
            description = "custom: one file (default); directory: allows --jobs.")
    String format;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Parallel pg_dump jobs (directory format only).")
    int jobs;

    @Option(names = "--compress", paramLabel = "METHOD[:LEVEL]", defaultValue = "gzip:1",
            description = "gzip:0-9 (or a bare level), none; lz4/zstd need pg_dump 16+. Default gzip:1 (see README).")
    String compress;

    @Mixin
    LockWaitOption lockWait;

    @Mixin
    JsonOption json;

    BackupCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CreateOptions options;
        try {
            options = new CreateOptions(BackupFormat.parse(format), jobs, Compression.parse(compress), lockWait.value());
        } catch (IllegalArgumentException invalid) {
            throw new CliFailure(ExitCode.USAGE, invalid.getMessage());
        }
        BackupSet set = BackupCli.backups(context, json.enabled()).create(context.dedicatedConnections(), options);
        Duration took = set.manifest().duration();
        if (json.enabled()) {
            Map<String, Object> out = BackupCli.asJson(set, context.clock().instant());
            out.put("duration_ms", took.toMillis());
            context.out().println(context.json().render(out));
        } else {
            context.out().printf("Backup %s complete in %.1f s: %s%n", BackupCli.summary(set), took.toMillis() / 1000.0,
                    set.archive());
            context.out().printf("  %d tables, %d rows counted in the dump's snapshot; SHA-256 of %d file(s) in %s%n",
                    set.manifest().tables().size(), set.manifest().totalRows(), set.manifest().files().size(),
                    set.manifestPath().getFileName());
            context.out().printf("  Dumped by %s (%s)%n", set.manifest().pgDumpPath(), set.manifest().pgDumpVersion());
            context.out().printf("  Next: luvhive backup verify %s [--restore-test]%n", set.name());
        }
        return ExitCode.OK.code();
    }

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.CONFIG_INVALID, ExitCode.DATABASE_UNAVAILABLE, ExitCode.LOCK_HELD, ExitCode.PG_TOOLS_MISSING, ExitCode.BACKUP_FAILED, ExitCode.FAILURE);
    }
}
