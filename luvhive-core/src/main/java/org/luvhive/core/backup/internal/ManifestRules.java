package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.luvhive.core.backup.BackupFormat;
import org.luvhive.core.backup.BackupManifest;
import org.luvhive.core.backup.ManifestFile;

/**
 * What a manifest must say before anything acts on it. Prune deletes what a manifest
 * names and verify and restore read it, so a hand-edited or damaged manifest must never
 * point outside its own archive: the archive is exactly {@code NAME.dump} or
 * {@code NAME.dir} beside the manifest, and every file lies inside it. Plus the cheap
 * check that the archive on disk still has the sizes the manifest records (a stat per
 * file, no hashing). Stateless and thread-safe.
 */
public final class ManifestRules {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ManifestRules() {
    }

    /**
     * Why the complete manifest stored as {@code STEM.manifest.json} cannot be trusted,
     * or empty when it can.
     */
    public static Optional<String> problem(String stem, BackupManifest manifest) {
        if (!stem.equals(manifest.name())) {
            return Optional.of("its name '" + manifest.name() + "' is not its file's name '" + stem + "'");
        }
        BackupFormat format;
        try {
            format = BackupFormat.parse(String.valueOf(manifest.format()));
        } catch (IllegalArgumentException unknown) {
            return Optional.of("unknown format '" + manifest.format() + "'");
        }
        String archive = stem + format.extension();
        if (!archive.equals(manifest.archive())) {
            return Optional.of("its archive '" + manifest.archive() + "' is not " + archive);
        }
        if (manifest.completedAt() == null) {
            return Optional.of("no completed_at");
        }
        List<ManifestFile> files = manifest.files();
        if (files.isEmpty()) {
            return Optional.of("it lists no files (nothing to check the archive against)");
        }
        if (format == BackupFormat.CUSTOM && (files.size() != 1 || !archive.equals(files.get(0).path()))) {
            return Optional.of("a custom-format archive must be listed as exactly one file, " + archive);
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (ManifestFile file : files) {
            if (format == BackupFormat.DIRECTORY && !insideDirectory(archive, file.path())) {
                return Optional.of("the file '" + file.path() + "' is not inside " + archive);
            }
            if (!seen.add(file.path())) {
                return Optional.of("the file '" + file.path() + "' is listed twice");
            }
            if (file.bytes() < 0 || file.sha256() == null || !SHA256.matcher(file.sha256()).matches()) {
                return Optional.of("the file '" + file.path() + "' has no valid size or SHA-256");
            }
            total += file.bytes();
        }
        if (total != manifest.sizeBytes()) {
            return Optional.of("size_bytes " + manifest.sizeBytes() + " is not the sum of its files' sizes, " + total);
        }
        return Optional.empty();
    }

    /** Whether {@code path} is {@code ARCHIVE/relative/path}: no {@code ..}, {@code .}, empty or absolute part. */
    private static boolean insideDirectory(String archive, String path) {
        if (path == null || !path.startsWith(archive + "/")) {
            return false;
        }
        String inside = path.substring(archive.length() + 1);
        if (inside.isEmpty() || inside.contains("\\") || inside.contains("\0")) {
            return false;
        }
        for (String part : inside.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        Path base = Path.of(archive);
        return base.resolve(inside).normalize().startsWith(base);
    }

    /**
     * Why the archive of a valid manifest does not match it on disk (a file missing, or
     * another size), or empty when every size matches. Call only after {@link #problem}
     * found nothing.
     */
    public static Optional<String> damage(Path backupDirectory, BackupManifest manifest) {
        Path archive = backupDirectory.resolve(manifest.archive());
        boolean directory = manifest.backupFormat() == BackupFormat.DIRECTORY;
        if (directory != Files.isDirectory(archive, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(manifest.archive() + " is not a " + (directory ? "directory" : "regular file"));
        }
        for (ManifestFile file : manifest.files()) {
            Path onDisk = backupDirectory.resolve(file.path());
            if (!Files.isRegularFile(onDisk, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(file.path() + " is missing");
            }
            try {
                long size = Files.size(onDisk);
                if (size != file.bytes()) {
                    return Optional.of(file.path() + " has " + size + " bytes, the manifest says " + file.bytes()
                            + " (truncated or overwritten)");
                }
            } catch (IOException unreadable) {
                return Optional.of("cannot read the size of " + file.path() + ": " + unreadable.getMessage());
            }
        }
        return Optional.empty();
    }
}
