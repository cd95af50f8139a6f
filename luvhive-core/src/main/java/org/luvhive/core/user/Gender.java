package org.luvhive.core.user;

import java.util.Locale;
import java.util.Optional;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;

/** A user's gender, chosen once during onboarding and never changed. */
public enum Gender {
    MALE("👨"),
    FEMALE("👩"),
    OTHER("🧑");

    private final String emoji;

    Gender(String emoji) {
        this.emoji = emoji;
    }

    /** How it is stored and used in callback data. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The emoji and the name in {@code language}, e.g. "👩 Female". */
    public String label(Language language) {
        return emoji + " " + Texts.of(language, "gender." + code());
    }

    public String emoji() {
        return emoji;
    }

    public static Optional<Gender> ofCode(String code) {
        for (Gender gender : values()) {
            if (gender.code().equalsIgnoreCase(code)) {
                return Optional.of(gender);
            }
        }
        return Optional.empty();
    }
}
