package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luvhive.core.FailureText;
import org.luvhive.core.LuvhiveVersion;
import org.luvhive.core.backup.BackupFailedException;
import org.luvhive.core.backup.BackupFormat;
import org.luvhive.core.backup.BackupManifest;
import org.luvhive.core.backup.BackupProgress;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.CreateOptions;
import org.luvhive.core.backup.DatabaseIdentity;
import org.luvhive.core.backup.ManifestFile;
import org.luvhive.core.backup.PgToolsMissingException;
import org.luvhive.core.backup.TableCount;
import org.luvhive.core.backup.Verification;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.db.DedicatedConnections;

/**
 * Writes one backup set in four steps: pg_dump into a temporary name, inside a snapshot
 * exported by a session of its own (the row counts are taken in the same snapshot, so they
 * match the archive exactly); the checks on what it wrote ({@link ArchiveChecks}: header,
 * table of contents, checksums, fsync); owner-only permissions and an atomic rename; and
 * the manifest with status complete, last. Nothing is kept when a step fails. The caller
 * holds the backup lock. Not thread-safe.
 */
public final class Dumper {

    public static final String TEMPORARY_PREFIX = ".tmp-";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path backupDirectory;
    private final PgToolsLocator locator;
    private final ManifestJson json;
    private final Clock clock;
    private final BackupProgress progress;
    private final Redactor redactor;
    private final RunGuard guard;

    public Dumper(Path backupDirectory, PgToolsLocator locator, ManifestJson json, Clock clock,
                  BackupProgress progress, Redactor redactor, RunGuard guard) {
        this.backupDirectory = backupDirectory;
        this.locator = locator;
        this.json = json;
        this.clock = clock;
        this.progress = progress;
        this.redactor = redactor;
        this.guard = guard;
    }

    /** What one create dumps from where, with which tools, and under which names. */
    private record Plan(DatabaseUrl url, DumpSession.ServerVersion server, Optional<DatabaseIdentity> identity,
                        PgTools tools, CreateOptions options, int jobs, Instant startedAt, String name,
                        String archiveName, Path temporary) {
    }

    /** Dumps into a new set; {@code steps} receives where the time went. */
    public BackupSet create(DedicatedConnections database, CreateOptions options, StepTimes steps) {
        try (DumpSession session = DumpSession.open(database)) {
            Plan plan = plan(database.url(), session, options);
            steps.lap("prepare");
            guard.onStop(() -> SecureFiles.deleteRecursively(plan.temporary())); // after pg_dump was ended
            try {
                List<TableCount> tables = dump(plan, session, steps);
                List<ManifestFile> files = ArchiveChecks.run(plan.temporary(), plan.archiveName(),
                        options.format(), plan.tools(), redactor, steps);
                Path archive = rename(plan);
                BackupSet set = writeManifest(plan, archive, files, tables);
                steps.lap("finish");
                return set;
            } catch (IOException | UncheckedIOException failure) {
                throw new BackupFailedException("cannot write the backup " + plan.name() + " ("
                        + FailureText.ofRootCause(failure) + "), nothing was kept", failure);
            } finally {
                SecureFiles.deleteRecursively(plan.temporary());
            }
        }
    }

    private Plan plan(DatabaseUrl url, DumpSession session, CreateOptions options) {
        DumpSession.ServerVersion server = session.serverVersion();
        Optional<DatabaseIdentity> identity = session.identity(progress::notice);
        PgTools tools = locator.locate(server.major());
        if (tools.major() < options.compression().minimumPgDumpMajor()) {
            throw new PgToolsMissingException("compression " + options.compression() + " needs pg_dump "
                    + options.compression().minimumPgDumpMajor() + " or newer; " + tools.pgDump() + " is "
                    + tools.major() + ": use gzip levels (e.g. --compress gzip:1)");
        }
        int jobs = session.clampJobs(options.jobs(), progress::notice); // the manifest records what was used
        Instant startedAt = clock.instant();
        String name = freeName(startedAt);
        String archiveName = name + options.format().extension();
        return new Plan(url, server, identity, tools, options, jobs, startedAt, name, archiveName,
                backupDirectory.resolve(TEMPORARY_PREFIX + archiveName));
    }

    /** pg_dump of the session's snapshot into the temporary name; returns the rows counted in that snapshot meanwhile. */
    private List<TableCount> dump(Plan plan, DumpSession session, StepTimes steps) {
        if (plan.options().format() == BackupFormat.DIRECTORY) {
            SecureFiles.privateDirectory(plan.temporary()); // pg_dump accepts an empty directory
        }
        String snapshot = session.beginAndExportSnapshot();
        List<BackupDao.UserTable> userTables = session.userTables();
        Map<String, Long> bytes = new LinkedHashMap<>();
        userTables.forEach(table -> bytes.put(table.name(), table.bytes()));
        TableProgress tableProgress = new TableProgress(progress, "pg_dump", bytes);
        steps.lap("snapshot");
        long dumpStarted = System.nanoTime();
        PgProcess pgDump = PgProcess.start(pgDumpCommand(plan, snapshot),
                PgConnection.environment(plan.url(), "luvhive-backup"), redactor, tableProgress);
        List<TableCount> counts = new ArrayList<>();
        try {
            for (BackupDao.UserTable table : userTables) {
                counts.add(new TableCount(table.name(), session.countRows(table), table.bytes()));
            }
        } catch (RuntimeException countFailure) {
            pgDump.kill();
            throw countFailure;
        }
        steps.put("row_counts", (System.nanoTime() - dumpStarted) / 1_000_000);
        // While pg_dump still runs: what the steps after it would otherwise wait for.
        steps.putStartup(); // loads the management classes
        json.prepare(); // Jackson's start-up, before the manifest is due
        PgProcess.Result result = pgDump.await();
        tableProgress.finish();
        if (!result.succeeded()) {
            throw new BackupFailedException("pg_dump failed, nothing was kept: " + result.summary());
        }
        steps.lap("pg_dump");
        return counts;
    }

    private static List<String> pgDumpCommand(Plan plan, String snapshot) {
        CreateOptions options = plan.options();
        List<String> command = new ArrayList<>(List.of(plan.tools().pgDump().toString(),
                "--format=" + options.format().pgDumpLetter(), "--compress=" + options.compression().pgDumpArgument(),
                "--snapshot=" + snapshot, "--lock-wait-timeout=120s", "--verbose", "--file=" + plan.temporary()));
        if (plan.tools().major() >= 10) {
            command.add("--no-sync"); // ArchiveChecks fsyncs it, while hashing
        }
        if (plan.jobs() > 1) {
            command.add("--jobs=" + plan.jobs());
        }
        command.addAll(PgConnection.arguments(plan.url()));
        return command;
    }

    /** The checked archive, owner-only, under its real name. */
    private Path rename(Plan plan) throws IOException {
        SecureFiles.restrict(plan.temporary());
        Path archive = backupDirectory.resolve(plan.archiveName());
        SecureFiles.moveAtomically(plan.temporary(), archive);
        return archive;
    }

    /** The manifest, written last: its presence with status complete means the set is whole. */
    private BackupSet writeManifest(Plan plan, Path archive, List<ManifestFile> files, List<TableCount> tables) {
        CreateOptions options = plan.options();
        long size = files.stream().mapToLong(ManifestFile::bytes).sum();
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, plan.name(), BackupManifest.COMPLETE,
                plan.archiveName(), options.format().label(), options.compression().toString(), plan.jobs(),
                plan.url().database(), plan.url().host() + ":" + plan.url().port(),
                plan.identity().map(DatabaseIdentity::systemIdentifier).orElse(null),
                plan.identity().map(DatabaseIdentity::oid).orElse(null), plan.server().text(),
                plan.tools().pgDumpVersion(), plan.tools().pgDump().toString(), LuvhiveVersion.current(),
                plan.startedAt(), clock.instant(), size, files, tables, Verification.unverified());
        Path manifestPath = backupDirectory.resolve(plan.name() + ".manifest.json");
        try {
            json.write(manifestPath, manifest);
        } catch (UncheckedIOException failure) {
            // an archive without its manifest is no backup, and would only fill the disk further
            SecureFiles.deleteRecursively(archive);
            throw new BackupFailedException("cannot write the manifest of " + plan.name() + " ("
                    + FailureText.ofRootCause(failure) + "), nothing was kept", failure);
        }
        return new BackupSet(archive, manifestPath, manifest);
    }

    private String freeName(Instant startedAt) {
        String base = "luvhive_backup_" + NAME_TIME.format(startedAt);
        String name = base;
        for (int suffix = 2; taken(name); suffix++) {
            name = base + "_" + suffix;
        }
        return name;
    }

    private boolean taken(String name) {
        if (Files.exists(backupDirectory.resolve(name + ".manifest.json"))) {
            return true;
        }
        for (BackupFormat format : BackupFormat.values()) {
            if (Files.exists(backupDirectory.resolve(name + format.extension()))) {
                return true;
            }
        }
        return false;
    }
}
