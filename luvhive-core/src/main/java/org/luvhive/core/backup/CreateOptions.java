package org.luvhive.core.backup;

import java.time.Duration;
import java.util.Objects;
import org.luvhive.core.backup.internal.ConnectionBudget;

/**
 * How to take a backup.
 *
 * @param format      custom (one file) or directory (parallel)
 * @param jobs        pg_dump's parallel jobs; more than one needs the directory format
 * @param compression pg_dump's compression
 * @param lockWait    how long to wait for another backup run's lock (zero: fail at once)
 */
public record CreateOptions(BackupFormat format, int jobs, Compression compression, Duration lockWait) {

    public CreateOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(lockWait, "lockWait");
        ConnectionBudget.requireValid(jobs);
        if (jobs > 1 && format != BackupFormat.DIRECTORY) {
            throw new IllegalArgumentException("--jobs " + jobs + " needs --format directory "
                    + "(pg_dump writes only the directory format in parallel)");
        }
    }

    public static CreateOptions defaults() {
        return new CreateOptions(BackupFormat.CUSTOM, 1, Compression.DEFAULT, Duration.ZERO);
    }
}
