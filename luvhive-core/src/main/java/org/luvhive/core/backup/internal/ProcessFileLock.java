package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a file, between processes and between threads of this process.
 *
 * <p>The one static mutable field in LuvHive, on purpose: POSIX record locks belong to the
 * process, and closing <em>any</em> descriptor of a locked file drops the process's lock.
 * So a second attempt from this JVM must not even open the file while the first holds
 * it; the set of paths this process holds is process-wide state by nature. Thread-safe.
 */
public final class ProcessFileLock implements AutoCloseable {

    private static final Map<Path, String> HELD_BY_THIS_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ProcessFileLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock if it is free now, empty if this or another process holds it.
     * {@code holder} describes the taker, for {@link #holderHere}.
     */
    public static Optional<ProcessFileLock> tryAcquire(Path file, String holder) {
        Path key = file.toAbsolutePath().normalize();
        if (HELD_BY_THIS_PROCESS.putIfAbsent(key, holder) != null) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new ProcessFileLock(key, channel, lock));
            }
            channel.close(); // another process holds it; we held nothing on this file
            HELD_BY_THIS_PROCESS.remove(key);
            return Optional.empty();
        } catch (IOException | RuntimeException failure) {
            closeQuietly(channel);
            HELD_BY_THIS_PROCESS.remove(key);
            if (failure instanceof IOException io) {
                throw new UncheckedIOException("cannot lock " + key + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) failure;
        }
    }

    /**
     * Who in this process holds {@code file}, if anyone: read from here, because opening
     * and closing the file to read it would drop the lock.
     */
    public static Optional<String> holderHere(Path file) {
        return Optional.ofNullable(HELD_BY_THIS_PROCESS.get(file.toAbsolutePath().normalize()));
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    /** The locked file's channel, to record the holder in it. */
    public FileChannel channel() {
        return channel;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot release " + file, failure);
        } finally {
            HELD_BY_THIS_PROCESS.remove(file);
        }
    }
}
