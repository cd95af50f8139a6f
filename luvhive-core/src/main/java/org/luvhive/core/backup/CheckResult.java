package org.luvhive.core.backup;

import java.util.Optional;

/**
 * The verdict of {@code backup check}.
 *
 * @param status the verdict
 * @param line   the one status line, Nagios style ({@code BACKUP OK - ... | perfdata})
 * @param newest the newest complete backup, if there is one
 * @param otherDatabases how many sets of other databases were left out
 */
public record CheckResult(CheckStatus status, String line, Optional<BackupSet> newest, int otherDatabases) {

    /** A verdict with no sets of other databases left out (e.g. UNKNOWN, before any was read). */
    public CheckResult(CheckStatus status, String line, Optional<BackupSet> newest) {
        this(status, line, newest, 0);
    }
}
