package org.luvhive.core.backup;

import java.time.Duration;
import java.util.Locale;

/** Sizes and ages as operators read them: {@code 12.3 MiB}, {@code 3h ago}. Stateless. */
public final class HumanFormat {

    private HumanFormat() {
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** {@code 45s}, {@code 12m}, {@code 3h}, {@code 2d 4h}. */
    public static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h";
        }
        long hours = (seconds % 86_400) / 3600;
        return seconds / 86_400 + "d" + (hours > 0 ? " " + hours + "h" : "");
    }
}
