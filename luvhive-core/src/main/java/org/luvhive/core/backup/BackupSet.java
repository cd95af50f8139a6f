package org.luvhive.core.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One complete backup: the archive and its manifest, counted and removed together.
 *
 * @param archive      the archive file ({@code .dump}) or directory ({@code .dir})
 * @param manifestPath the manifest beside it
 * @param manifest     what the manifest says
 */
public record BackupSet(Path archive, Path manifestPath, BackupManifest manifest) {

    public String name() {
        return manifest.name();
    }

    /** The recorded completion time: what every ordering of backups uses. */
    public Instant completedAt() {
        return manifest.completedAt();
    }

    public long sizeBytes() {
        return manifest.sizeBytes();
    }

    public VerificationState verificationState() {
        return manifest.verification().state();
    }
}
