package org.luvhive.core.dbops;

import java.time.Duration;

/** Durations as operators read them: {@code 40s}, {@code 5m 3s}, {@code 2h 10m}, {@code 3d 4h}. Stateless. */
public final class Durations {

    private Durations() {
    }

    public static String compact(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + "m");
        }
        return seconds / 86_400 + "d" + (seconds % 86_400 / 3600 == 0 ? "" : " " + seconds % 86_400 / 3600 + "h");
    }
}
