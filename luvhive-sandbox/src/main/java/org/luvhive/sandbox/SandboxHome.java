package org.luvhive.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The sandbox's own directory: one sandbox at a time uses it (a file lock the kernel drops
 * when the process dies), and its embedded database starts empty on every run, because the
 * emulator's users start afresh too and must not meet yesterday's profiles. A database
 * server a hard-killed sandbox left running on that directory is stopped first. Not
 * thread-safe; one per process.
 */
final class SandboxHome implements AutoCloseable {
    private static final Duration SERVER_STOP = Duration.ofSeconds(15);

    private final Path directory;
    private final FileChannel lockFile;
    private final FileLock lock;

    private SandboxHome(Path directory, FileChannel lockFile, FileLock lock) {
        this.directory = directory;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /** Takes the directory for this process, or says which one is in use. */
    static SandboxHome claim(Path directory) {
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve("sandbox.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null; // this very process holds it already
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another luvhive-sandbox is running with " + directory
                        + " (stop it, or give this one its own LUVHIVE_SANDBOX_HOME)");
            }
            return new SandboxHome(directory, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + directory + ": " + e.getMessage(), e);
        }
    }

    Path directory() {
        return directory;
    }

    /** Removes the embedded database of the last run, stopping its server if it outlived its sandbox. */
    void startWithEmptyDatabase() {
        Path data = directory.resolve("pgdata");
        // After a reboot the pid may belong to anything: only a postgres process is stopped.
        serverPid(data).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().orElse("").contains("postgres"))
                .ifPresent(SandboxHome::stop);
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> files = Files.walk(data)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).toList();
            for (Path file : deepestFirst) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the last run's database " + data + ": " + e.getMessage(), e);
        }
    }

    /** The first line of postmaster.pid: the server's process id. */
    private static Optional<Long> serverPid(Path data) {
        try {
            Path pidFile = data.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::valueOf);
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle server) {
        server.destroy(); // SIGTERM: PostgreSQL's smart shutdown
        try {
            server.onExit().get(SERVER_STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("the database server of an earlier sandbox (pid " + server.pid()
                    + ") did not stop; stop it and start again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping an earlier sandbox's database server");
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockFile.close();
        } catch (IOException ignored) {
            // the kernel releases it when the process ends anyway
        }
    }
}
