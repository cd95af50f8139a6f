package org.luvhive.core.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.luvhive.core.backup.internal.ManifestJson;

/**
 * The backups in the backup directory: every complete set (an archive with a manifest
 * whose status is complete), newest first by recorded completion time, plus what is
 * there but not a usable set. Reads the directory on each call; thread-safe.
 */
public final class BackupCatalog {

    public static final String MANIFEST_SUFFIX = ".manifest.json";

    private final Path backupDirectory;
    private final ManifestJson json;

    BackupCatalog(Path backupDirectory, ManifestJson json) {
        this.backupDirectory = backupDirectory;
        this.json = json;
    }

    /**
     * What the directory holds.
     *
     * @param sets     complete backup sets, newest first
     * @param problems one line per manifest that cannot be read or whose archive is missing
     * @param orphans  archives no manifest names (a crash between rename and manifest)
     */
    public record Listing(List<BackupSet> sets, List<String> problems, List<Path> orphans) {
        public Listing {
            sets = List.copyOf(sets);
            problems = List.copyOf(problems);
            orphans = List.copyOf(orphans);
        }
    }

    public Listing read() {
        List<BackupSet> sets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> archives = new ArrayList<>();
        java.util.Set<String> named = new java.util.HashSet<>();
        if (!Files.isDirectory(backupDirectory)) {
            return new Listing(sets, problems, archives);
        }
        try (Stream<Path> files = Files.list(backupDirectory)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith("luvhive_backup_") && (fileName.endsWith(BackupFormat.CUSTOM.extension())
                        || fileName.endsWith(BackupFormat.DIRECTORY.extension()))) {
                    archives.add(file);
                }
                if (!fileName.endsWith(MANIFEST_SUFFIX) || fileName.startsWith(".")) {
                    continue;
                }
                try {
                    BackupManifest manifest = json.read(file);
                    named.add(manifest.archive());
                    Path archive = backupDirectory.resolve(manifest.archive());
                    if (!manifest.complete()) {
                        problems.add(fileName + ": status '" + manifest.status() + "', not complete");
                    } else if (!Files.exists(archive)) {
                        problems.add(fileName + ": its archive " + manifest.archive() + " is missing");
                    } else {
                        sets.add(new BackupSet(archive, file, manifest));
                    }
                } catch (UncheckedIOException | IllegalArgumentException unreadable) {
                    problems.add(fileName + ": unreadable manifest (" + unreadable.getMessage() + ")");
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot list the backup directory " + backupDirectory, failure);
        }
        sets.sort(Comparator.comparing(BackupSet::completedAt).reversed());
        archives.removeIf(archive -> named.contains(archive.getFileName().toString()));
        return new Listing(sets, problems, archives);
    }

    public List<BackupSet> sets() {
        return read().sets();
    }

    /** The set named {@code name} (with or without its extension), or {@link BackupNotFoundException}. */
    public BackupSet find(String name) {
        String wanted = stripSuffix(name.strip());
        return sets().stream().filter(set -> set.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new BackupNotFoundException("no complete backup named '" + wanted + "' in "
                        + backupDirectory + " (see 'luvhive backup list')"));
    }

    /** The newest complete set, or {@link BackupNotFoundException}. */
    public BackupSet latest() {
        return sets().stream().findFirst().orElseThrow(() -> new BackupNotFoundException(
                "no complete backup in " + backupDirectory + " (run 'luvhive backup create')"));
    }

    public Path directory() {
        return backupDirectory;
    }

    private static String stripSuffix(String name) {
        String fileName = Path.of(name).getFileName().toString();
        for (String suffix : List.of(MANIFEST_SUFFIX, BackupFormat.CUSTOM.extension(), BackupFormat.DIRECTORY.extension())) {
            if (fileName.endsWith(suffix)) {
                return fileName.substring(0, fileName.length() - suffix.length());
            }
        }
        return fileName;
    }
}
