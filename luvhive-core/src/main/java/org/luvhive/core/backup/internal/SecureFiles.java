package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * File operations backups rely on: owner-only permissions (files 0600, directories
 * 0700), writes that land whole or not at all (temporary name, fsync, atomic rename,
 * fsync of the directory), and recursive removal. Stateless and thread-safe.
 */
public final class SecureFiles {

    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");

    private SecureFiles() {
    }

    /** Creates {@code directory} (and parents) if needed and makes it 0700. */
    public static Path privateDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, DIRECTORY_MODE);
            return directory;
        } catch (FileAlreadyExistsException notDirectory) {
            throw new UncheckedIOException("cannot use " + notDirectory.getFile() + " as a directory: it is a file",
                    notDirectory);
        } catch (AccessDeniedException denied) {
            throw new UncheckedIOException("cannot create " + directory + ": permission denied on " + denied.getFile(),
                    denied);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot create " + directory + ": " + failure, failure);
        }
    }

    /** Makes a file 0600, or a directory 0700 with every file inside 0600. */
    public static void restrict(Path path) {
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(path, DIRECTORY_MODE);
                try (Stream<Path> children = Files.list(path)) {
                    for (Path child : (Iterable<Path>) children::iterator) {
                        restrict(child);
                    }
                }
            } else {
                Files.setPosixFilePermissions(path, FILE_MODE);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot restrict permissions of " + path, failure);
        }
    }

    /** Writes {@code content} to {@code target} through a temporary file and an atomic rename, fsynced. */
    public static void writeAtomically(Path target, byte[] content) {
        Path temporary = target.resolveSibling(".tmp-" + target.getFileName());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                Files.setPosixFilePermissions(temporary, FILE_MODE);
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveAtomically(temporary, target);
        } catch (IOException failure) {
            deleteRecursively(temporary);
            throw new UncheckedIOException("cannot write " + target + ": " + failure.getMessage(), failure);
        }
    }

    /** Renames atomically (replacing {@code target}) and fsyncs the directory so the rename survives a crash. */
    public static void moveAtomically(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.getParent());
    }

    /** fsync of every regular file under {@code path} (or of {@code path} itself). */
    public static void sync(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    sync(child);
                }
            }
            syncDirectory(path);
        } else {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // some file systems refuse to open a directory for fsync; the rename itself was atomic
        }
    }

    /** Deletes a file or a whole directory tree; missing is fine. */
    public static void deleteRecursively(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot delete " + path + ": " + failure.getMessage(), failure);
        }
    }

    /** Bytes of a file, or of every file under a directory. */
    public static long size(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException failure) {
                    throw new UncheckedIOException(failure);
                }
            }).sum();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot measure " + path, failure);
        }
    }
}
