package org.luvhive.core.backup;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@code backup check} calls healthy.
 *
 * @param maxAge      the newest complete backup older than this is CRITICAL (default 26h: a missed daily run)
 * @param warnAge     older than this is WARNING, if given
 * @param minSize     smaller than this (bytes) is CRITICAL (default 1: an empty dump is never fine)
 * @param verifyGrace the newest backup still unverified this long after it completed is WARNING
 */
public record CheckThresholds(Duration maxAge, Optional<Duration> warnAge, long minSize, Duration verifyGrace) {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(26);
    public static final Duration DEFAULT_VERIFY_GRACE = Duration.ofHours(2);

    public static CheckThresholds defaults() {
        return new CheckThresholds(DEFAULT_MAX_AGE, Optional.empty(), 1, DEFAULT_VERIFY_GRACE);
    }
}
