package org.luvhive.core.backup;

/**
 * One file of an archive as the manifest records it.
 *
 * @param path   relative to the backup directory and inside the archive: {@code NAME.dump} itself for a
 *               custom-format archive, {@code NAME.dir/FILE} for a directory archive (see ManifestRules)
 * @param bytes  its size
 * @param sha256 its SHA-256, lower-case hex
 */
public record ManifestFile(String path, long bytes, String sha256) {
}
