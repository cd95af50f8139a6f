package org.luvhive.core.user;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a user likes to talk about; six are free, the rest premium-only. */
public enum Interest {
    MUSIC("🎵 Music", false),
    MOVIES("🎬 Movies", false),
    GAMES("🎮 Games", false),
    TRAVEL("✈️ Travel", false),
    SPORTS("⚽ Sports", false),
    BOOKS("📚 Books", false),
    DATING("💘 Dating", true),
    DEEP_TALKS("🌌 Deep talks", true),
    NIGHTLIFE("🌃 Nightlife", true);

    private final String label;
    private final boolean premiumOnly;

    Interest(String label, boolean premiumOnly) {
        this.label = label;
        this.premiumOnly = premiumOnly;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public boolean premiumOnly() {
        return premiumOnly;
    }

    public static Optional<Interest> ofCode(String code) {
        return Arrays.stream(values()).filter(interest -> interest.code().equals(code)).findFirst();
    }

    /** The stored comma-separated form back to a set; unknown codes are ignored. */
    public static Set<Interest> parse(String stored) {
        Set<Interest> interests = EnumSet.noneOf(Interest.class);
        if (stored != null) {
            for (String code : stored.split(",")) {
                ofCode(code.strip()).ifPresent(interests::add);
            }
        }
        return interests;
    }

    public static String format(Set<Interest> interests) {
        return interests.stream().sorted().map(Interest::code).collect(Collectors.joining(","));
    }

    public static String labels(Set<Interest> interests) {
        return interests.isEmpty() ? "none" : interests.stream().sorted().map(Interest::label)
                .collect(Collectors.joining(", "));
    }
}
