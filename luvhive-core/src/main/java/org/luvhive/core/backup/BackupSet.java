package org.luvhive.core.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One complete backup: the archive and its manifest, counted and removed together.
 *
 * @param archive      the archive file ({@code .dump}) or directory ({@code .dir})
 * @param manifestPath the manifest beside it
 * @param manifest     what the manifest says
 * @param match        whether it is a backup of the database the commands work for ({@link ThisDatabase})
 */
public record BackupSet(Path archive, Path manifestPath, BackupManifest manifest, DatabaseMatch match) {

    /** A set of this database (a create's new set). */
    public BackupSet(Path archive, Path manifestPath, BackupManifest manifest) {
        this(archive, manifestPath, manifest, DatabaseMatch.SAME);
    }

    /** Clock skew tolerated between the host that wrote a manifest and the one reading it. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    public String name() {
        return manifest.name();
    }

    /** The recorded completion time: what every ordering of backups uses. */
    public Instant completedAt() {
        return manifest.completedAt();
    }

    /**
     * Whether the recorded completion lies more than {@link #FUTURE_TOLERANCE} after
     * {@code now}: clock skew or an edited manifest. Such a set proves nothing about
     * freshness, and must not count as the newest.
     */
    public boolean completedInFuture(Instant now) {
        return completedAt().isAfter(now.plus(FUTURE_TOLERANCE));
    }

    public long sizeBytes() {
        return manifest.sizeBytes();
    }

    /** Whether it is another database's backup. */
    public boolean foreign() {
        return match == DatabaseMatch.FOREIGN;
    }

    public VerificationState verificationState() {
        return manifest.verification().state();
    }
}
