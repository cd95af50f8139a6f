package org.luvhive.core.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.moderation.filter.LevelPolicy;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.moderation.internal.DecisionDao;
import org.luvhive.core.moderation.internal.FingerprintDao;

/**
 * What moderation keeps, kept no longer than it serves: message fingerprints past the
 * longest duplicate window of any level, ended mutes, and decisions after
 * {@link #DECISIONS_KEPT} (their redacted excerpts after {@link #EXCERPTS_KEPT}). Thread-safe.
 */
public final class ModerationCleanup {

    /** Long enough for the weekly and monthly reviews and a year-on-year look. */
    public static final Duration DECISIONS_KEPT = Duration.ofDays(400);
    /** The excerpt is evidence for an admin's review, which happens within days. */
    public static final Duration EXCERPTS_KEPT = Duration.ofDays(30);

    private final Jdbi jdbi;
    private final Clock clock;
    private final LiveModeration live;

    public ModerationCleanup(Jdbi jdbi, Clock clock, LiveModeration live) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.live = live;
    }

    /** Returns how many fingerprints (and ended mutes) went. */
    public int dropFingerprints() {
        Duration longest = Duration.ZERO;
        for (Strictness level : Strictness.values()) {
            LevelPolicy policy = live.policy().level(level);
            longest = policy.duplicateWindow().compareTo(longest) > 0 ? policy.duplicateWindow() : longest;
        }
        Instant now = clock.instant();
        Instant before = now.minus(longest);
        return jdbi.inTransaction(handle -> handle.attach(FingerprintDao.class).deleteBefore(before)
                + handle.attach(DecisionDao.class).deleteEndedMutes(now));
    }

    /** Returns how many decisions went. */
    public int dropOldDecisions() {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            DecisionDao decisions = handle.attach(DecisionDao.class);
            decisions.dropExcerptsBefore(now.minus(EXCERPTS_KEPT));
            return decisions.deleteBefore(now.minus(DECISIONS_KEPT));
        });
    }
}
