package org.luvhive.core.moderation.filter;

import static org.luvhive.core.moderation.filter.Decision.ALLOW;
import static org.luvhive.core.moderation.filter.Decision.BLOCK;
import static org.luvhive.core.moderation.filter.Decision.STRIKE;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The decision table of every strictness level. New accounts are judged by the next
 * level up. Immutable; thread-safe.
 */
public final class ModerationPolicy {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private final Map<Strictness, LevelPolicy> levels;

    public ModerationPolicy(Map<Strictness, LevelPolicy> levels) {
        for (Strictness level : Strictness.values()) {
            if (!levels.containsKey(level)) {
                throw new IllegalArgumentException("the policy has no " + level.code() + " level");
            }
        }
        this.levels = new EnumMap<>(levels);
    }

    /** The table in the README: what each level blocks, strikes and locks. */
    public static ModerationPolicy defaults() {
        Map<Strictness, LevelPolicy> levels = new EnumMap<>(Strictness.class);
        levels.put(Strictness.RELAXED, new LevelPolicy(ALLOW, STRIKE, BLOCK, Duration.ZERO, false, true,
                8, TEN_MINUTES, 40, TEN_MINUTES));
        levels.put(Strictness.NORMAL, new LevelPolicy(STRIKE, BLOCK, BLOCK, Duration.ofMinutes(30), false, true,
                5, TEN_MINUTES, 25, TEN_MINUTES));
        levels.put(Strictness.STRICT, new LevelPolicy(BLOCK, BLOCK, BLOCK, Duration.ofHours(24), false, true,
                4, TEN_MINUTES, 15, TEN_MINUTES));
        levels.put(Strictness.LOCKDOWN, new LevelPolicy(BLOCK, BLOCK, BLOCK, Duration.ofHours(24), true, false,
                3, TEN_MINUTES, 10, TEN_MINUTES));
        return new ModerationPolicy(levels);
    }

    public LevelPolicy level(Strictness level) {
        return levels.get(level);
    }

    /** The decision for a hit of this severity by a sender who is new at {@code level} or not. */
    public Decision decide(Strictness level, Severity severity, boolean newAccount) {
        Strictness judgedBy = newAccount ? level.stricter() : level;
        return levels.get(judgedBy).decisionFor(severity);
    }
}
