package org.luvhive.core.moderation;

import java.time.Duration;
import org.luvhive.core.moderation.filter.StrikeLadder;

/** Durations and ladder steps in words for users: "10 minutes", "1 hour", "a mute of 24 hours". Stateless. */
final class Durations {

    private Durations() {
    }

    static String describe(Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        if (minutes % (60 * 24) == 0 && minutes >= 2 * 60 * 24) {
            return plural(minutes / (60 * 24), "day");
        }
        if (minutes % 60 == 0) {
            return plural(minutes / 60, "hour");
        }
        return plural(minutes, "minute");
    }

    static String describe(StrikeLadder.Step step) {
        return switch (step.penalty()) {
            case WARN -> "another warning";
            case MUTE -> "a mute of " + describe(step.duration());
            case BAN -> "a ban";
        };
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
