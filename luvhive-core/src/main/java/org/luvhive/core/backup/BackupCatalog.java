package org.luvhive.core.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.luvhive.core.backup.internal.ManifestJson;
import org.luvhive.core.backup.internal.ManifestRules;
import org.luvhive.core.backup.internal.ManifestSeal;

/**
 * The backups in the backup directory: every usable set (a complete, valid manifest whose
 * archive is in place with the recorded sizes), newest first by recorded completion time,
 * plus what is there but not usable. A manifest is trusted only when its checksum of itself
 * holds (or it predates checksums), its archive is {@code NAME.dump} or {@code NAME.dir}
 * beside it and all its files lie inside that archive ({@link ManifestRules}). Every set is
 * matched against {@link ThisDatabase}: a shared directory may hold other databases' sets,
 * which {@link Listing#only} sets apart. Reads the directory on each call; thread-safe.
 */
public final class BackupCatalog {

    public static final String MANIFEST_SUFFIX = ".manifest.json";
    private static final String PREFIX = "luvhive_backup_";

    private final Path backupDirectory;
    private final ManifestJson json;
    private final ThisDatabase thisDatabase;

    BackupCatalog(Path backupDirectory, ManifestJson json, ThisDatabase thisDatabase) {
        this.backupDirectory = backupDirectory;
        this.json = json;
        this.thisDatabase = thisDatabase;
    }

    /** The same directory, its sets matched against {@code database} instead. */
    BackupCatalog matchedAgainst(ThisDatabase database) {
        return new BackupCatalog(backupDirectory, json, database);
    }

    /** The database the sets are matched against. */
    public ThisDatabase thisDatabase() {
        return thisDatabase;
    }

    /**
     * What the directory holds.
     *
     * @param sets           usable backup sets, newest first
     * @param broken         manifests that do not make a usable set, newest first
     * @param orphans        archives with no manifest file of their name (a crash between rename and manifest)
     * @param otherDatabases the sets (usable or not) of other databases that {@link #only} left out, newest first
     */
    public record Listing(List<BackupSet> sets, List<BrokenSet> broken, List<Path> orphans,
                          List<BackupSet> otherDatabases) {
        public Listing {
            sets = List.copyOf(sets);
            broken = List.copyOf(broken);
            orphans = List.copyOf(orphans);
            otherDatabases = List.copyOf(otherDatabases);
        }

        public Listing(List<BackupSet> sets, List<BrokenSet> broken, List<Path> orphans) {
            this(sets, broken, orphans, List.of());
        }

        /**
         * What a command considers: everything, or only this database's sets (and the broken
         * ones that cannot tell whose they are), the others kept apart in {@code otherDatabases}.
         */
        public Listing only(DatabaseScope scope) {
            if (scope == DatabaseScope.ALL_DATABASES) {
                return this;
            }
            List<BackupSet> others = new ArrayList<>(sets.stream().filter(BackupSet::foreign).toList());
            broken.stream().filter(BrokenSet::foreign).forEach(set -> others.add(set.set().orElseThrow()));
            others.sort(Comparator.comparing(BackupSet::completedAt).reversed());
            return new Listing(sets.stream().filter(set -> !set.foreign()).toList(),
                    broken.stream().filter(set -> !set.foreign()).toList(), orphans, others);
        }
    }

    /** Reads the directory; a path that exists but is no readable directory is an {@link UncheckedIOException}. */
    public Listing read() {
        List<BackupSet> sets = new ArrayList<>();
        List<BrokenSet> broken = new ArrayList<>();
        List<Path> archives = new ArrayList<>();
        Set<String> manifests = new HashSet<>();
        if (!Files.exists(backupDirectory, LinkOption.NOFOLLOW_LINKS)) {
            return new Listing(sets, broken, archives); // nothing created yet
        }
        if (!Files.isDirectory(backupDirectory)) {
            throw new UncheckedIOException("cannot read the backup directory " + backupDirectory
                    + ": it is not a directory (check LUVHIVE_BACKUP_DIR)", new IOException("not a directory"));
        }
        try (Stream<Path> files = Files.list(backupDirectory)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith(PREFIX) && (fileName.endsWith(BackupFormat.CUSTOM.extension())
                        || fileName.endsWith(BackupFormat.DIRECTORY.extension()))) {
                    archives.add(file);
                }
                if (fileName.endsWith(MANIFEST_SUFFIX) && !fileName.startsWith(".")) {
                    String stem = fileName.substring(0, fileName.length() - MANIFEST_SUFFIX.length());
                    manifests.add(stem);
                    classify(stem, file, sets, broken);
                }
            }
        } catch (AccessDeniedException denied) {
            throw new UncheckedIOException("cannot read the backup directory " + backupDirectory
                    + ": permission denied", denied);
        } catch (NoSuchFileException gone) {
            return new Listing(sets, broken, archives);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read the backup directory " + backupDirectory + ": "
                    + failure.getMessage(), failure);
        }
        sets.sort(Comparator.comparing(BackupSet::completedAt).reversed());
        broken.sort(Comparator.comparing(BrokenSet::time).reversed());
        archives.removeIf(archive -> manifests.contains(stripSuffix(archive.getFileName().toString())));
        return new Listing(sets, broken, archives);
    }

    private void classify(String stem, Path manifestPath, List<BackupSet> sets, List<BrokenSet> broken) {
        ManifestJson.Stored stored;
        try {
            stored = json.read(manifestPath);
        } catch (RuntimeException unreadable) {
            broken.add(new BrokenSet(stem, manifestPath, modified(manifestPath), Optional.empty(),
                    BrokenSet.State.CORRUPT, "unreadable manifest: " + reasonOf(unreadable, manifestPath)));
            return;
        }
        BackupManifest manifest = stored.manifest();
        Instant time = manifest.completedAt() != null ? manifest.completedAt() : modified(manifestPath);
        Optional<String> edited = edited(stored);
        if (edited.isPresent()) {
            broken.add(new BrokenSet(stem, manifestPath, time, Optional.empty(), BrokenSet.State.EDITED, edited.get()));
            return;
        }
        if (!manifest.complete()) {
            broken.add(new BrokenSet(stem, manifestPath, time, Optional.empty(), BrokenSet.State.INCOMPLETE,
                    "status '" + manifest.status() + "', not complete"));
            return;
        }
        Optional<String> problem = ManifestRules.problem(stem, manifest);
        if (problem.isPresent()) {
            broken.add(new BrokenSet(stem, manifestPath, time, Optional.empty(), BrokenSet.State.CORRUPT,
                    "manifest not trusted: " + problem.get()));
            return;
        }
        BackupSet set = new BackupSet(backupDirectory.resolve(manifest.archive()), manifestPath, manifest,
                thisDatabase.match(manifest));
        if (!Files.exists(set.archive(), LinkOption.NOFOLLOW_LINKS)) {
            broken.add(new BrokenSet(stem, manifestPath, time, Optional.of(set), BrokenSet.State.MISSING,
                    "its archive " + manifest.archive() + " is missing"));
            return;
        }
        Optional<String> damage = ManifestRules.damage(backupDirectory, manifest);
        if (damage.isPresent()) {
            broken.add(new BrokenSet(stem, manifestPath, time, Optional.of(set), BrokenSet.State.DAMAGED,
                    damage.get()));
            return;
        }
        sets.add(set);
    }

    /**
     * Why the manifest was changed since luvhive wrote it, if it was: its checksum does not
     * match, or a manifest of a format that carries one has none.
     */
    private static Optional<String> edited(ManifestJson.Stored stored) {
        if (stored.seal() == ManifestSeal.State.EDITED) {
            return Optional.of("changed since luvhive wrote it: its " + ManifestSeal.FIELD + " does not match its "
                    + "content (edited by hand or by a tool); luvhive does not act on it");
        }
        if (stored.seal() == ManifestSeal.State.UNSEALED
                && stored.manifest().formatVersion() >= BackupManifest.IDENTIFIED_FORMAT_VERSION) {
            return Optional.of("changed since luvhive wrote it: its " + ManifestSeal.FIELD + " was removed; luvhive "
                    + "does not act on it");
        }
        return Optional.empty();
    }

    public List<BackupSet> sets() {
        return read().sets();
    }

    /**
     * The set named {@code name} (with or without its extension). A set whose archive is
     * damaged or missing is returned too, so that verify can prove and record it corrupt;
     * a set whose manifest cannot be trusted is a {@link BackupCorruptException}; no
     * manifest of that name is {@link BackupNotFoundException}.
     */
    public BackupSet find(String name) {
        String wanted = stripSuffix(name.strip());
        Listing listing = read();
        Optional<BackupSet> usable = listing.sets().stream().filter(set -> set.name().equals(wanted)).findFirst();
        if (usable.isPresent()) {
            return usable.get();
        }
        for (BrokenSet broken : listing.broken()) {
            if (broken.name().equals(wanted)) {
                return broken.set().orElseThrow(() -> new BackupCorruptException("backup " + wanted + " is "
                        + broken.state().label() + ": " + broken.reason(), broken.manifestPath().getFileName()
                        .toString(), "a complete, valid manifest", broken.state().label()));
            }
        }
        throw new BackupNotFoundException("no backup named '" + wanted + "' in " + backupDirectory
                + " (see 'luvhive backup list')");
    }

    /**
     * The newest set with a complete, valid manifest of {@code scope}, or
     * {@link BackupNotFoundException}. Its archive may be damaged: verify --latest must then
     * fail on it rather than prove an older set.
     */
    public BackupSet latest(DatabaseScope scope) {
        Listing listing = read().only(scope);
        Stream<BackupSet> damaged = listing.broken().stream().flatMap(broken -> broken.set().stream());
        return Stream.concat(listing.sets().stream(), damaged).max(Comparator.comparing(BackupSet::completedAt))
                .orElseThrow(() -> new BackupNotFoundException(scope == DatabaseScope.ALL_DATABASES
                        ? "no complete backup in " + backupDirectory + " (run 'luvhive backup create')"
                        : "no complete backup of " + thisDatabase.describe() + " in " + backupDirectory
                        + " (run 'luvhive backup create')" + othersNote(listing.otherDatabases())));
    }

    /** The newest set of any database (see {@link #latest(DatabaseScope)}). */
    public BackupSet latest() {
        return latest(DatabaseScope.ALL_DATABASES);
    }

    private static String othersNote(List<BackupSet> others) {
        return others.isEmpty() ? "" : "; it holds " + others.size() + " set(s) of other databases, newest "
                + others.get(0).name() + " of " + others.get(0).manifest().databaseAndServer()
                + " (--all-databases considers them)";
    }

    public Path directory() {
        return backupDirectory;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException gone) {
            return Instant.EPOCH;
        }
    }

    /** The reader's message without the path it already names. */
    private static String reasonOf(RuntimeException unreadable, Path manifestPath) {
        String message = String.valueOf(unreadable.getMessage());
        String prefix = "cannot read the manifest " + manifestPath + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
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
