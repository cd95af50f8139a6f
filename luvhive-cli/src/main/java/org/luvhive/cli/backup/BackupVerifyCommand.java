package org.luvhive.cli.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.CliFailure;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.backup.VerifyRequest;
import org.luvhive.core.backup.VerifyResult;
import org.luvhive.core.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code luvhive backup verify}: prove a backup, and say exactly what was proven. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Prove a backup sound: checksums, a full read, and with --restore-test a restore.",
        description = "Checks every file's SHA-256 against the manifest and reads the whole archive with pg_restore; "
                + "with --restore-test also restores it into a scratch database, compares the row counts and drops "
                + "it. The result is recorded in the manifest; a passed restore test is kept by later plain verifies "
                + "while the checksums match. A restore test that cannot run (no CREATEDB) exits 16 after recording "
                + "and printing what was proved. --jobs is 1 to 16, lowered to the server's free connections.")
public final class BackupVerifyCommand implements Callable<Integer>, DocumentsExitCodes {

    private final CliContext context;

    @Mixin
    BackupSelection selection;

    @Option(names = "--restore-test", description = "Also restore into a scratch database and compare row counts.")
    boolean restoreTest;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
            description = "Parallel pg_restore jobs for --restore-test, 1 to 16 (default 2).")
    int jobs;

    @Mixin
    JsonOption json;

    BackupVerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        VerifyRequest request;
        try {
            request = new VerifyRequest(selection.name(), jobs, selection.scope());
        } catch (IllegalArgumentException invalid) {
            throw new CliFailure(ExitCode.USAGE, invalid.getMessage());
        }
        Optional<Database> live = restoreTest ? Optional.of(context.database()) : Optional.empty();
        VerifyResult result = BackupCli.backups(context, json.enabled())
                .verify(request, live, notice -> context.err().println("luvhive: " + notice));
        if (json.enabled()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("backup", result.backup());
            out.put("state", result.state().label());
            out.put("proved", result.proved());
            out.put("bytes_read", result.bytesRead());
            out.put("not_run", result.notRun());
            out.put("database", result.database());
            out.put("database_match", result.match().label());
            context.out().println(context.json().render(out));
        } else {
            context.out().printf("Backup %s%s is %s. Proved:%n", result.backup(),
                    BackupCli.belonging(result.match(), result.database()), result.state().label());
            result.proved().forEach(proof -> context.out().println("  - " + proof));
            if (!result.complete()) {
                context.out().println("Not proved: " + result.notRun());
            }
        }
        if (!result.complete()) {
            throw new CliFailure(ExitCode.RESTORE_FAILED, result.notRun());
        }
        return ExitCode.OK.code();
    }

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.CONFIG_INVALID, ExitCode.DATABASE_UNAVAILABLE, ExitCode.PG_TOOLS_MISSING, ExitCode.BACKUP_CORRUPT, ExitCode.BACKUP_NOT_FOUND, ExitCode.RESTORE_FAILED, ExitCode.FAILURE);
    }
}
