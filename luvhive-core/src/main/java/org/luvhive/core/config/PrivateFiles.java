package org.luvhive.core.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only LuvHive's own user may read: the log directory is 0700 and every log file
 * in it 0600, created so (never readable by others, not even for a moment) and tightened
 * when found wider. Logs name users and chats; the embedded server's log may name
 * tables and roles. Stateless and thread-safe.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates {@code directory} (and missing parents) as 0700, or makes an existing one 0700. */
    public static Path directory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory.getParent());
            try {
                Files.createDirectory(directory, attribute(DIRECTORY_MODE));
            } catch (FileAlreadyExistsException raced) {
                // another process made it first; its mode is checked below
            }
        }
        restrict(directory, DIRECTORY_MODE);
        return directory;
    }

    /** Creates {@code file} empty as 0600 if it is missing, or makes it 0600. */
    public static Path file(Path file) throws IOException {
        try {
            Files.createFile(file, attribute(FILE_MODE));
        } catch (FileAlreadyExistsException exists) {
            restrict(file, FILE_MODE);
        }
        return file;
    }

    /**
     * Appends {@code bytes} in one write with O_APPEND (lines of concurrent writers do not
     * interleave), creating the file as 0600 in a 0700 directory when needed.
     */
    public static void append(Path file, byte[] bytes) throws IOException {
        directory(file.getParent());
        file(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (!Files.getPosixFilePermissions(path).equals(mode)) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> mode) {
        return PosixFilePermissions.asFileAttribute(mode);
    }
}
