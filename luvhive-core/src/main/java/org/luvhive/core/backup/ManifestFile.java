package org.luvhive.core.backup;

/**
 * One file of an archive as the manifest records it.
 *
 * @param path   relative to the archive ({@code .} for a custom-format archive, the file itself)
 * @param bytes  its size
 * @param sha256 its SHA-256, lower-case hex
 */
public record ManifestFile(String path, long bytes, String sha256) {
}
