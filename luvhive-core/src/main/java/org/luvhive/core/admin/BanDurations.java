package org.luvhive.core.admin;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads ban durations: {@code 30m}, {@code 12h}, {@code 7d}, {@code 4w}, or {@code perm}
 * (an empty Optional inside). Stateless; thread-safe.
 */
final class BanDurations {

    private BanDurations() {
    }

    /** Empty when unreadable; Optional.of(Optional.empty()) for permanent. */
    static Optional<Optional<Duration>> parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("perm") || value.equals("permanent") || value.equals("forever")) {
            return Optional.of(Optional.empty());
        }
        if (!value.matches("\\d{1,5}[mhdw]")) {
            return Optional.empty();
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        if (amount == 0) {
            return Optional.empty();
        }
        Duration duration = switch (value.charAt(value.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
        return Optional.of(Optional.of(duration));
    }
}
