package org.luvhive.cli.db;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.luvhive.core.dbops.Durations;

/** How the db commands write figures for people: sizes, durations, times, one-line statements. */
final class DbText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private DbText() {
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 12.3 MiB}, ... */
    static String bytes(long bytes) {
        if (Math.abs(bytes) < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (Math.abs(value) >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** {@code 850 ms} under ten seconds, else the compact form ({@code 40s}, {@code 5m 3s}). */
    static String duration(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(10)) < 0) {
            return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
        }
        return Durations.compact(duration);
    }

    static String millis(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.2f ms", millis)
                : millis < 10_000 ? String.format(Locale.ROOT, "%.0f ms", millis)
                : duration(Duration.ofMillis(Math.round(millis)));
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String time(Optional<Instant> instant) {
        return instant.map(DbText::time).orElse("never");
    }

    /** A statement on one line, whitespace collapsed, cut at {@code width} characters. */
    static String oneLine(String text, int width) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= width ? line : line.substring(0, Math.max(0, width - 1)) + "…";
    }

    /** What to show for an empty name. */
    static String orDash(String text) {
        return text == null || text.isEmpty() ? "-" : text;
    }
}
