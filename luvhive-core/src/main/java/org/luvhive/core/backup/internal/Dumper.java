package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.luvhive.core.FailureText;
import org.luvhive.core.LuvhiveVersion;
import org.luvhive.core.backup.BackupFailedException;
import org.luvhive.core.backup.BackupFormat;
import org.luvhive.core.backup.BackupManifest;
import org.luvhive.core.backup.BackupProgress;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.CreateOptions;
import org.luvhive.core.backup.ManifestFile;
import org.luvhive.core.backup.PgToolsMissingException;
import org.luvhive.core.backup.TableCount;
import org.luvhive.core.backup.Verification;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.db.DedicatedConnections;

/**
 * Writes one backup set: pg_dump into a temporary name inside an exported snapshot
 * (the row counts are taken in the same snapshot, so they match the archive exactly),
 * every check on pg_dump's result, checksums, an fsync of the archive (ours, overlapping
 * the hashing, instead of pg_dump's), owner-only permissions, an atomic rename, and the
 * manifest with status complete last. The caller holds the backup lock.
 * Not thread-safe.
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

    /** Dumps into a new set; {@code steps} receives where the time went. */
    public BackupSet create(DedicatedConnections database, CreateOptions options, StepTimes steps) {
        try (DumpSession session = DumpSession.open(database)) {
            return create(database.url(), session, options, steps);
        }
    }

    private BackupSet create(DatabaseUrl url, DumpSession session, CreateOptions options, StepTimes steps) {
        DumpSession.ServerVersion server = session.serverVersion();
        PgTools tools = locator.locate(server.major());
        if (tools.major() < options.compression().minimumPgDumpMajor()) {
            throw new PgToolsMissingException("compression " + options.compression() + " needs pg_dump "
                    + options.compression().minimumPgDumpMajor() + " or newer; " + tools.pgDump() + " is "
                    + tools.major() + ": use gzip levels (e.g. --compress gzip:1)");
        }
        int jobs = session.clampJobs(options.jobs(), progress::notice); // the manifest records what was used
        Instant startedAt = clock.instant();
        steps.lap("prepare");
        String name = freeName(startedAt);
        BackupFormat format = options.format();
        String archiveName = name + format.extension();
        Path temporary = backupDirectory.resolve(TEMPORARY_PREFIX + archiveName);
        guard.onStop(() -> SecureFiles.deleteRecursively(temporary)); // after pg_dump was ended
        try {
            if (format == BackupFormat.DIRECTORY) {
                SecureFiles.privateDirectory(temporary); // pg_dump accepts an empty directory
            }
            List<TableCount> tables = dump(url, session, tools, options, jobs, temporary, steps);
            steps.lap("pg_dump");
            // Three things at once, all finished before the rename: fsync of what pg_dump wrote
            // (pg_dump runs with --no-sync; the disk's time overlaps the hashing), the table of
            // contents read by pg_restore --list, and the SHA-256 of every file.
            checkHeader(temporary, format);
            long checksStarted = System.nanoTime();
            FileSync sync = FileSync.start(temporary);
            PgProcess tocCheck = startTocCheck(tools, temporary);
            List<ManifestFile> files;
            try {
                files = Checksums.of(temporary, archiveName);
                steps.put("checksums", (System.nanoTime() - checksStarted) / 1_000_000);
            } finally {
                awaitTocCheck(tocCheck);
                sync.await();
            }
            steps.put("toc_check", tocCheck.elapsedMillis());
            steps.put("fsync", sync.elapsedMillis());
            steps.lap("checks");
            SecureFiles.restrict(temporary);
            Path archive = backupDirectory.resolve(archiveName);
            SecureFiles.moveAtomically(temporary, archive);
            Instant completedAt = clock.instant();
            long size = files.stream().mapToLong(file -> file.bytes()).sum();
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, name, BackupManifest.COMPLETE,
                    archiveName, format.label(), options.compression().toString(), jobs,
                    url.database(), url.host() + ":" + url.port(), server.text(), tools.pgDumpVersion(),
                    tools.pgDump().toString(), LuvhiveVersion.current(), startedAt, completedAt, size, files, tables,
                    Verification.unverified());
            Path manifestPath = backupDirectory.resolve(name + ".manifest.json");
            try {
                json.write(manifestPath, manifest); // written last: its presence means the set is complete
            } catch (UncheckedIOException failure) {
                // an archive without its manifest is no backup, and would only fill the disk further
                SecureFiles.deleteRecursively(archive);
                throw new BackupFailedException("cannot write the manifest of " + name + " ("
                        + FailureText.ofRootCause(failure) + "), nothing was kept", failure);
            }
            steps.lap("finish");
            return new BackupSet(archive, manifestPath, manifest);
        } catch (IOException | UncheckedIOException failure) {
            throw new BackupFailedException("cannot write the backup " + name + " ("
                    + FailureText.ofRootCause(failure) + "), nothing was kept", failure);
        } finally {
            SecureFiles.deleteRecursively(temporary);
        }
    }

    private List<TableCount> dump(DatabaseUrl url, DumpSession session, PgTools tools, CreateOptions options,
                                  int jobs, Path temporary, StepTimes steps) {
        String snapshot = session.beginAndExportSnapshot();
        List<BackupDao.UserTable> userTables = session.userTables();
        Map<String, Long> bytes = new LinkedHashMap<>();
        userTables.forEach(table -> bytes.put(table.name(), table.bytes()));
        TableProgress tableProgress = new TableProgress(progress, "pg_dump", bytes);
        List<String> command = new ArrayList<>(List.of(tools.pgDump().toString(),
                "--format=" + options.format().pgDumpLetter(), "--compress=" + options.compression().pgDumpArgument(),
                "--snapshot=" + snapshot, "--lock-wait-timeout=120s", "--verbose", "--file=" + temporary));
        if (tools.major() >= 10) {
            command.add("--no-sync"); // we fsync it ourselves, while hashing (create)
        }
        if (jobs > 1) {
            command.add("--jobs=" + jobs);
        }
        command.addAll(PgConnection.arguments(url));
        steps.lap("snapshot");
        long dumpStarted = System.nanoTime();
        PgProcess pgDump = PgProcess.start(command, PgConnection.environment(url, "luvhive-backup"), redactor,
                tableProgress);
        List<TableCount> counts = new ArrayList<>();
        try {
            for (BackupDao.UserTable table : userTables) {
                counts.add(new TableCount(table.name(), session.countRows(table), table.bytes()));
            }
        } catch (RuntimeException countFailure) {
            pgDump.kill();
            throw countFailure;
        }
        steps.put("row_counts", (System.nanoTime() - dumpStarted) / 1_000_000); // while pg_dump runs
        steps.putStartup(); // also while pg_dump runs: it costs a few class loads
        json.prepare(); // and Jackson's start-up, which would otherwise delay the rename
        PgProcess.Result result = pgDump.await();
        tableProgress.finish();
        if (!result.succeeded()) {
            throw new BackupFailedException("pg_dump failed, nothing was kept: " + result.summary());
        }
        return counts;
    }

    /** pg_dump said it succeeded; believe it only if the archive is there, non-empty and its table of contents reads. */
    private static void checkHeader(Path temporary, BackupFormat format) {
        Path header = format == BackupFormat.DIRECTORY ? temporary.resolve("toc.dat") : temporary;
        if (!Files.isRegularFile(header)) {
            throw new BackupFailedException("pg_dump exited 0 but wrote no archive (" + header + " is missing)");
        }
        try (InputStream input = Files.newInputStream(header)) {
            byte[] magic = input.readNBytes(5);
            if (!"PGDMP".equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new BackupFailedException("pg_dump exited 0 but " + header + " is "
                        + (magic.length == 0 ? "empty" : "not a pg_dump archive"));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read " + header, failure);
        }
    }

    private PgProcess startTocCheck(PgTools tools, Path temporary) {
        return PgProcess.start(List.of(tools.pgRestore().toString(), "--list", "--file=/dev/null",
                temporary.toString()), Map.of("LC_MESSAGES", "C"), redactor, line -> { });
    }

    private static void awaitTocCheck(PgProcess tocCheck) {
        PgProcess.Result list = tocCheck.await();
        if (!list.succeeded()) {
            throw new BackupFailedException("the new archive's table of contents does not read: " + list.summary());
        }
    }

    /** fsync of a file or directory tree on a thread of its own; {@link #await} rethrows its failure. */
    private static final class FileSync {

        private final Thread thread;
        private final long started = System.nanoTime();
        private volatile long finished;
        private volatile IOException failure;

        private FileSync(Path path) {
            this.thread = new Thread(() -> {
                try {
                    SecureFiles.sync(path);
                } catch (IOException syncFailure) {
                    failure = syncFailure;
                } finally {
                    finished = System.nanoTime();
                }
            }, "backup-fsync");
            thread.setDaemon(true);
        }

        static FileSync start(Path path) {
            FileSync sync = new FileSync(path);
            sync.thread.start();
            return sync;
        }

        void await() throws IOException {
            try {
                thread.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for fsync", interrupted);
            }
            if (failure != null) {
                throw failure;
            }
        }

        long elapsedMillis() {
            return (finished - started) / 1_000_000;
        }
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
