package org.luvhive.core.moderation.filter;

import static org.luvhive.core.moderation.filter.Decision.ALLOW;
import static org.luvhive.core.moderation.filter.Decision.BLOCK;
import static org.luvhive.core.moderation.filter.Decision.STRIKE;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The decision table and the strike ladder of every strictness level, and what reports
 * by several users bring. New accounts are judged by the next level up. Immutable;
 * thread-safe.
 */
public final class ModerationPolicy {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private final Map<Strictness, LevelPolicy> levels;
    private final Map<Strictness, StrikeLadder> ladders;
    private final ReportThreshold reports;

    /**
     * What reports by several users bring: {@code reporters} distinct reporters of one user
     * within {@code window} mute them for {@code mute} and put their case on top of the queue.
     */
    public record ReportThreshold(int reporters, Duration window, Duration mute) {

        public ReportThreshold {
            if (reporters < 2 || window == null || window.isNegative() || window.isZero() || mute == null
                    || mute.isNegative() || mute.isZero()) {
                throw new IllegalArgumentException("reporters must be at least 2, window and mute positive");
            }
        }
    }

    public ModerationPolicy(Map<Strictness, LevelPolicy> levels, Map<Strictness, StrikeLadder> ladders,
                            ReportThreshold reports) {
        for (Strictness level : Strictness.values()) {
            if (!levels.containsKey(level) || !ladders.containsKey(level)) {
                throw new IllegalArgumentException("the policy has no " + level.code() + " level");
            }
        }
        this.levels = new EnumMap<>(levels);
        this.ladders = new EnumMap<>(ladders);
        this.reports = reports;
    }

    /** The table in the README: what each level blocks, strikes and locks. */
    public static ModerationPolicy defaults() {
        Map<Strictness, LevelPolicy> levels = new EnumMap<>(Strictness.class);
        levels.put(Strictness.RELAXED, new LevelPolicy(ALLOW, STRIKE, BLOCK, Duration.ZERO, Duration.ZERO, false, true,
                8, TEN_MINUTES, 40, TEN_MINUTES));
        levels.put(Strictness.NORMAL, new LevelPolicy(STRIKE, BLOCK, BLOCK, Duration.ofMinutes(30), TEN_MINUTES, false, true,
                5, TEN_MINUTES, 25, TEN_MINUTES));
        levels.put(Strictness.STRICT, new LevelPolicy(BLOCK, BLOCK, BLOCK, Duration.ofHours(24), Duration.ofHours(24), false, true,
                4, TEN_MINUTES, 15, TEN_MINUTES));
        levels.put(Strictness.LOCKDOWN, new LevelPolicy(BLOCK, BLOCK, BLOCK, Duration.ofHours(24), Duration.ofHours(24), true, false,
                3, TEN_MINUTES, 10, TEN_MINUTES));
        // strikes outlive the longest mute, or the ladder could never reach its ban
        StrikeLadder usual = new StrikeLadder(Duration.ofDays(7), List.of(StrikeLadder.Step.warn(1),
                StrikeLadder.Step.mute(2, TEN_MINUTES), StrikeLadder.Step.mute(3, Duration.ofHours(1)),
                StrikeLadder.Step.mute(4, Duration.ofHours(24)), StrikeLadder.Step.ban(5)));
        Map<Strictness, StrikeLadder> ladders = new EnumMap<>(Strictness.class);
        ladders.put(Strictness.RELAXED, new StrikeLadder(Duration.ofDays(3), List.of(StrikeLadder.Step.warn(1),
                StrikeLadder.Step.mute(3, TEN_MINUTES), StrikeLadder.Step.mute(4, Duration.ofHours(1)),
                StrikeLadder.Step.mute(5, Duration.ofHours(24)), StrikeLadder.Step.ban(6))));
        ladders.put(Strictness.NORMAL, usual);
        ladders.put(Strictness.STRICT, new StrikeLadder(Duration.ofDays(14), usual.steps()));
        ladders.put(Strictness.LOCKDOWN, new StrikeLadder(Duration.ofDays(30), List.of(
                StrikeLadder.Step.mute(1, TEN_MINUTES), StrikeLadder.Step.mute(2, Duration.ofHours(1)),
                StrikeLadder.Step.mute(3, Duration.ofHours(24)), StrikeLadder.Step.ban(4))));
        return new ModerationPolicy(levels, ladders,
                new ReportThreshold(3, TEN_MINUTES, Duration.ofMinutes(30)));
    }

    public LevelPolicy level(Strictness level) {
        return levels.get(level);
    }

    public StrikeLadder ladder(Strictness level) {
        return ladders.get(level);
    }

    public ReportThreshold reports() {
        return reports;
    }

    /** The decision for a hit of this severity by a sender who is new at {@code level} or not. */
    public Decision decide(Strictness level, Severity severity, boolean newAccount) {
        Strictness judgedBy = newAccount ? level.stricter() : level;
        return levels.get(judgedBy).decisionFor(severity);
    }
}
