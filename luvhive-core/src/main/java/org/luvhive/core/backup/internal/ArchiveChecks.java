package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.luvhive.core.backup.BackupFailedException;
import org.luvhive.core.backup.BackupFormat;
import org.luvhive.core.backup.ManifestFile;

/**
 * What an archive pg_dump says it wrote must pass before it is renamed into place: it is
 * there and starts with pg_dump's {@code PGDMP} header, its table of contents reads
 * ({@code pg_restore --list}), every file is hashed (SHA-256, for the manifest), and all of
 * it is on disk (fsync). The last three run at once: pg_dump runs with {@code --no-sync},
 * so the disk's time overlaps the hashing instead of coming before it. Not thread-safe:
 * one use per archive.
 */
final class ArchiveChecks {

    private ArchiveChecks() {
    }

    /**
     * Checks the archive at {@code temporary} (to be named {@code archiveName}) and returns
     * its files with their checksums; a {@link BackupFailedException} when it does not pass.
     */
    static List<ManifestFile> run(Path temporary, String archiveName, BackupFormat format, PgTools tools,
                                  Redactor redactor, StepTimes steps) throws IOException {
        checkHeader(temporary, format);
        long started = System.nanoTime();
        FileSync sync = FileSync.start(temporary);
        PgProcess tocCheck = PgProcess.start(List.of(tools.pgRestore().toString(), "--list", "--file=/dev/null",
                temporary.toString()), Map.of("LC_MESSAGES", "C"), redactor, line -> { });
        List<ManifestFile> files;
        try {
            files = Checksums.of(temporary, archiveName);
            steps.put("checksums", (System.nanoTime() - started) / 1_000_000);
        } finally {
            awaitTocCheck(tocCheck); // first: an archive that does not read is the failure to report
            sync.await();
        }
        steps.put("toc_check", tocCheck.elapsedMillis());
        steps.put("fsync", sync.elapsedMillis());
        steps.lap("checks");
        return files;
    }

    /** pg_dump said it succeeded; believe it only if the archive is there, non-empty and a pg_dump archive. */
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
}
