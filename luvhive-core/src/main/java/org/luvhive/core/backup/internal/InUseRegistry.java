package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Shared "in use" markers: a verify or restore marks the backup it reads, and prune
 * never removes a marked one. A marker is a file under {@code .in-use/} named
 * {@code BACKUP.PID.RANDOM} and locked by its process; a marker whose lock can be taken
 * belongs to a dead process and is removed. Marking and pruning run under a short
 * registry lock, so a backup cannot be removed between being found and being marked.
 * Thread-safe.
 */
public final class InUseRegistry {

    private static final long RETRY_MILLIS = 20;

    private final Path directory;

    public InUseRegistry(Path backupDirectory) {
        this.directory = backupDirectory.resolve(".in-use");
    }

    /** Finds a backup under the registry lock and marks it (named by {@code nameOf}) in use. */
    public <T> Marked<T> mark(String command, Supplier<T> find, Function<T, String> nameOf) {
        return underRegistryLock(() -> {
            T found = find.get();
            String backupName = nameOf.apply(found);
            Path file = directory.resolve(backupName + "." + ProcessHandle.current().pid() + "."
                    + UUID.randomUUID().toString().substring(0, 8));
            ProcessFileLock lock = ProcessFileLock.tryAcquire(file, command)
                    .orElseThrow(() -> new IllegalStateException("cannot lock the new marker " + file));
            try {
                lock.channel().write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException failure) {
                lock.close();
                throw new UncheckedIOException("cannot write the in-use marker " + file, failure);
            }
            return new Marked<>(found, new Marker(file, lock));
        });
    }

    /** Whether a live process has marked {@code backupName}; call inside {@link #underRegistryLock}. */
    public boolean inUse(String backupName) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        String ownPid = Long.toString(ProcessHandle.current().pid());
        boolean inUse = false;
        try (Stream<Path> markers = Files.list(directory)) {
            for (Path marker : (Iterable<Path>) markers::iterator) {
                String fileName = marker.getFileName().toString();
                if (!fileName.startsWith(backupName + ".")) {
                    continue;
                }
                String[] pidAndRandom = fileName.substring(backupName.length() + 1).split("\\.");
                if (pidAndRandom.length != 2) {
                    continue;
                }
                boolean live = ownPid.equals(pidAndRandom[0])
                        ? ProcessFileLock.holderHere(marker).isPresent() || removed(marker)
                        : liveOrRemove(marker);
                inUse |= live;
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read " + directory, failure);
        }
        return inUse;
    }

    /**
     * Whether process {@code pid} holds a marker here, i.e. is a live verify or restore
     * (its scratch databases are its own); call inside {@link #underRegistryLock}.
     */
    public boolean holdsMarker(long pid) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        boolean own = pid == ProcessHandle.current().pid();
        try (Stream<Path> markers = Files.list(directory)) {
            for (Path marker : (Iterable<Path>) markers::iterator) {
                String[] parts = marker.getFileName().toString().split("\\.");
                if (parts.length < 3 || !parts[parts.length - 2].equals(Long.toString(pid))) {
                    continue;
                }
                if (own ? ProcessFileLock.holderHere(marker).isPresent() : liveOrRemove(marker)) {
                    return true;
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read " + directory, failure);
        }
        return false;
    }

    private static boolean removed(Path marker) throws IOException {
        Files.deleteIfExists(marker);
        return false;
    }

    /** Another process's marker: in use while that process holds its lock. */
    private static boolean liveOrRemove(Path marker) throws IOException {
        Optional<ProcessFileLock> free = ProcessFileLock.tryAcquire(marker, "prune");
        if (free.isEmpty()) {
            return true;
        }
        try (ProcessFileLock stale = free.get()) {
            return removed(stale.file()); // its process died without cleaning up
        }
    }

    /** Runs {@code work} holding the registry lock (milliseconds, not the length of a verify). */
    public <T> T underRegistryLock(Supplier<T> work) {
        SecureFiles.privateDirectory(directory);
        Path file = directory.resolve(".registry.lock");
        Optional<ProcessFileLock> lock = ProcessFileLock.tryAcquire(file, "registry");
        while (lock.isEmpty()) {
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + file, interrupted);
            }
            lock = ProcessFileLock.tryAcquire(file, "registry");
        }
        try (ProcessFileLock held = lock.get()) {
            return work.get();
        }
    }

    /**
     * What {@link #mark} found, with the marker that keeps it from being pruned until closed.
     *
     * @param value  what the lookup returned
     * @param marker the marker; close it when done
     */
    public record Marked<T>(T value, Marker marker) implements AutoCloseable {
        @Override
        public void close() {
            marker.close();
        }
    }

    /** One held marker; closing removes it. */
    public static final class Marker implements AutoCloseable {
        private final Path file;
        private final ProcessFileLock lock;

        Marker(Path file, ProcessFileLock lock) {
            this.file = file;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException failure) {
                throw new UncheckedIOException("cannot remove the in-use marker " + file, failure);
            } finally {
                lock.close();
            }
        }
    }
}
