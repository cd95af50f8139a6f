package org.luvhive.core.backup;

import java.time.Duration;
import java.util.Optional;

/**
 * Which backup sets to keep; a set is kept when any rule selects it (as in restic).
 * Whatever the rules, the newest set and the newest verified set are always kept, and so
 * is any set a verify or restore is using.
 *
 * @param keepLast    the newest N sets
 * @param keepDaily   the newest set of each of the last D days that have backups (UTC days)
 * @param keepWeekly  the same per ISO week
 * @param keepMonthly the same per month
 * @param maxAge      every set completed within this age
 */
public record PrunePolicy(int keepLast, int keepDaily, int keepWeekly, int keepMonthly, Optional<Duration> maxAge) {

    /** The old bot's retention: 14 days. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(14);

    /**
     * An archive without a manifest is removed only when older than this: a younger one
     * may belong to a create between the archive's rename and its manifest.
     */
    public static final Duration ORPHAN_MIN_AGE = Duration.ofDays(1);

    public PrunePolicy {
        if (keepLast < 0 || keepDaily < 0 || keepWeekly < 0 || keepMonthly < 0) {
            throw new IllegalArgumentException("keep counts cannot be negative");
        }
        if (maxAge.isPresent() && (maxAge.get().isNegative() || maxAge.get().isZero())) {
            throw new IllegalArgumentException("--max-age must be positive");
        }
    }

    /** This policy, or the 14-day default when it names no rule at all. */
    public PrunePolicy orDefault() {
        boolean empty = keepLast == 0 && keepDaily == 0 && keepWeekly == 0 && keepMonthly == 0 && maxAge.isEmpty();
        return empty ? new PrunePolicy(0, 0, 0, 0, Optional.of(DEFAULT_MAX_AGE)) : this;
    }
}
