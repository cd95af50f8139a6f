package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.luvhive.core.backup.BackupLockedException;
import org.luvhive.core.backup.BackupProgress;
import org.luvhive.core.backup.HumanFormat;

/**
 * The backup directory's exclusive lock ({@value #FILE_NAME}), held by create and prune
 * for their whole run so two of them (cron and a person) never overlap. The kernel
 * releases it when the process dies, so a crash leaves no stale lock. The file records
 * the holder for the message of whoever is refused. Not thread-safe; close once.
 */
public final class BackupLock implements AutoCloseable {

    public static final String FILE_NAME = ".luvhive-backup.lock";
    private static final long POLL_MILLIS = 200;

    private final ProcessFileLock lock;

    private BackupLock(ProcessFileLock lock) {
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to {@code wait} (real time; zero fails at once), or
     * throws {@link BackupLockedException} naming the holder.
     */
    public static BackupLock acquire(Path backupDirectory, LockHolder holder, Duration wait) {
        return acquire(backupDirectory, holder, wait, BackupProgress.NONE);
    }

    /** As {@link #acquire(Path, LockHolder, Duration)}, telling {@code progress} once that it waits, and for whom. */
    public static BackupLock acquire(Path backupDirectory, LockHolder holder, Duration wait, BackupProgress progress) {
        Path file = backupDirectory.resolve(FILE_NAME);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            Optional<ProcessFileLock> lock = ProcessFileLock.tryAcquire(file, holder.describe());
            if (lock.isPresent()) {
                writeHolder(lock.get(), holder);
                return new BackupLock(lock.get());
            }
            if (System.nanoTime() >= deadline) {
                String current = readHolder(file);
                throw new BackupLockedException("another backup run holds the lock " + file + ": " + current
                        + (wait.isZero() ? "; wait for it to finish, or retry with --lock-wait DURATION"
                        : "; still held after waiting " + HumanFormat.age(wait)), current);
            }
            if (!told) {
                progress.notice("Waiting up to " + HumanFormat.age(wait) + " for the backup lock, held by "
                        + readHolder(file) + "...");
                told = true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new BackupLockedException("interrupted while waiting for " + file, readHolder(file));
            }
        }
    }

    private static void writeHolder(ProcessFileLock lock, LockHolder holder) {
        FileChannel channel = lock.channel();
        try {
            channel.truncate(0);
            ByteBuffer text = ByteBuffer.wrap((holder.describe() + "\n").getBytes(StandardCharsets.UTF_8));
            long position = 0;
            while (text.hasRemaining()) {
                position += channel.write(text, position);
            }
            channel.force(false);
            SecureFiles.restrict(lock.file());
        } catch (IOException failure) {
            lock.close();
            throw new UncheckedIOException("cannot write the lock file " + lock.file(), failure);
        } catch (RuntimeException failure) {
            lock.close();
            throw failure;
        }
    }

    private static String readHolder(Path file) {
        Optional<String> here = ProcessFileLock.holderHere(file);
        if (here.isPresent()) {
            return here.get();
        }
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? "an unknown process" : text;
        } catch (IOException unreadable) {
            return "an unknown process";
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}
