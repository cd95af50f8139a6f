package org.luvhive.core.moderation.filter;

import java.time.Duration;
import java.util.Objects;

/**
 * What one strictness level does: the decision for each severity, which accounts count
 * as new (they are judged one level stricter), how long new accounts may not send media,
 * whether media is locked for everyone and whether new accounts may search, and the
 * thresholds of the behaviour rules. Immutable.
 *
 * @param low                  decision for a low-severity hit
 * @param medium               decision for a medium-severity hit
 * @param high                 decision for a high-severity hit
 * @param newAccountAge        accounts younger than this are new: judged one level stricter (zero: nobody is new)
 * @param mediaLock            accounts younger than this may not send media (zero: no lock)
 * @param mediaLockedForAll    no media from anyone
 * @param newAccountsMaySearch false: new accounts cannot start a search
 * @param duplicatePartners    the same text to this many partners within {@code duplicateWindow} is a hit
 * @param duplicateWindow      the window of the duplicate rule
 * @param churnChats           this many chats started within {@code churnWindow} is a hit of the churn rule
 * @param churnWindow          the window of the churn rule
 */
public record LevelPolicy(Decision low, Decision medium, Decision high, Duration newAccountAge, Duration mediaLock,
                          boolean mediaLockedForAll, boolean newAccountsMaySearch,
                          int duplicatePartners, Duration duplicateWindow, int churnChats, Duration churnWindow) {

    public LevelPolicy {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(medium, "medium");
        Objects.requireNonNull(high, "high");
        requirePositiveOrZero(newAccountAge, "newAccountAge");
        requirePositiveOrZero(mediaLock, "mediaLock");
        requirePositive(duplicateWindow, "duplicateWindow");
        requirePositive(churnWindow, "churnWindow");
        if (duplicatePartners < 2 || churnChats < 2) {
            throw new IllegalArgumentException("duplicatePartners and churnChats must be at least 2");
        }
    }

    public Decision decisionFor(Severity severity) {
        return switch (severity) {
            case LOW -> low;
            case MEDIUM -> medium;
            case HIGH -> high;
        };
    }

    /** True when an account of this age (null: unknown, taken as established) is new at this level. */
    public boolean isNew(Duration accountAge) {
        return accountAge != null && accountAge.compareTo(newAccountAge) < 0;
    }

    public boolean mayStartSearch(Duration accountAge) {
        return newAccountsMaySearch || !isNew(accountAge);
    }

    public boolean maySendMedia(Duration accountAge) {
        return !mediaLockedForAll && (accountAge == null || accountAge.compareTo(mediaLock) >= 0);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requirePositiveOrZero(Duration duration, String name) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
