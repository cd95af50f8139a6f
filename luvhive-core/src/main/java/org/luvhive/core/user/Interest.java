package org.luvhive.core.user;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;

/** What a user likes to talk about; six are free, the rest premium-only. */
public enum Interest {
    MUSIC("🎵", false),
    MOVIES("🎬", false),
    GAMES("🎮", false),
    TRAVEL("✈️", false),
    SPORTS("⚽", false),
    BOOKS("📚", false),
    DATING("💘", true),
    DEEP_TALKS("🌌", true),
    NIGHTLIFE("🌃", true);

    private final String emoji;
    private final boolean premiumOnly;

    Interest(String emoji, boolean premiumOnly) {
        this.emoji = emoji;
        this.premiumOnly = premiumOnly;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The emoji and the name in {@code language}, e.g. "🎵 Music". */
    public String label(Language language) {
        return emoji + " " + Texts.of(language, "interest." + code());
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

    public static String labels(Set<Interest> interests, Language language) {
        return interests.isEmpty() ? Texts.of(language, "interest.none") : interests.stream().sorted()
                .map(interest -> interest.label(language)).collect(Collectors.joining(", "));
    }
}
