package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.luvhive.core.backup.BackupCorruptException;
import org.luvhive.core.backup.ManifestFile;

/**
 * SHA-256 of every file of an archive, and the check of an archive against its
 * manifest: nothing missing, nothing extra, every size and checksum equal. Files of a
 * directory archive are hashed in parallel; large files by openssl when installed
 * ({@link Sha256}). Stateless and thread-safe.
 */
public final class Checksums {

    private Checksums() {
    }

    /**
     * The manifest entries for {@code archive}, as it will be named {@code finalName} in
     * the backup directory: {@code NAME.dump}, or {@code NAME.dir/FILE} for each file.
     */
    public static List<ManifestFile> of(Path archive, String finalName) {
        if (!Files.isDirectory(archive)) {
            return List.of(entry(archive, finalName));
        }
        return filesOf(archive).parallelStream()
                .map(file -> entry(file, finalName + "/" + archive.relativize(file)))
                .sorted(Comparator.comparing(ManifestFile::path))
                .toList();
    }

    /** Checks the archive in {@code backupDirectory} against {@code expected}; returns the bytes read. */
    public static long verify(Path backupDirectory, String archiveName, List<ManifestFile> expected) {
        Path archive = backupDirectory.resolve(archiveName);
        if (!Files.exists(archive)) {
            throw new BackupCorruptException("the archive " + archive + " is missing", archiveName, "present", "missing");
        }
        if (Files.isDirectory(archive)) {
            Set<String> present = new TreeSet<>();
            filesOf(archive).forEach(file -> present.add(archiveName + "/" + archive.relativize(file)));
            Set<String> listed = expected.stream().map(ManifestFile::path).collect(Collectors.toSet());
            for (String path : present) {
                if (!listed.contains(path)) {
                    throw new BackupCorruptException(path + " is in the archive but not in the manifest", path,
                            "absent", "present");
                }
            }
        }
        Map<String, ManifestFile> actual = expected.parallelStream().collect(Collectors.toMap(ManifestFile::path,
                entry -> checked(backupDirectory, entry), (first, second) -> first));
        return actual.values().stream().mapToLong(ManifestFile::bytes).sum();
    }

    private static ManifestFile checked(Path backupDirectory, ManifestFile expected) {
        Path file = backupDirectory.resolve(expected.path());
        if (!Files.isRegularFile(file)) {
            throw new BackupCorruptException(expected.path() + " is missing", expected.path(), expected.sha256(),
                    "missing");
        }
        try {
            long size = Files.size(file);
            if (size != expected.bytes()) {
                throw new BackupCorruptException(expected.path() + " has " + size + " bytes, the manifest says "
                        + expected.bytes() + " (truncated or overwritten)", expected.path(),
                        expected.bytes() + " bytes", size + " bytes");
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        ManifestFile actual = entry(file, expected.path());
        if (!actual.sha256().equals(expected.sha256())) {
            throw new BackupCorruptException(expected.path() + " has SHA-256 " + actual.sha256()
                    + ", the manifest says " + expected.sha256(), expected.path(), expected.sha256(), actual.sha256());
        }
        return actual;
    }

    private static List<Path> filesOf(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot list " + directory, failure);
        }
    }

    private static ManifestFile entry(Path file, String path) {
        Sha256.Digest digest = Sha256.of(file);
        return new ManifestFile(path, digest.bytes(), digest.sha256());
    }
}
