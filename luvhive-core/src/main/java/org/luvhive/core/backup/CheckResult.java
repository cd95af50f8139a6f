package org.luvhive.core.backup;

import java.util.Optional;

/**
 * The verdict of {@code backup check}.
 *
 * @param status the verdict
 * @param line   the one status line, Nagios style ({@code BACKUP OK - ... | perfdata})
 * @param newest the newest complete backup, if there is one
 */
public record CheckResult(CheckStatus status, String line, Optional<BackupSet> newest) {
}
