package org.luvhive.core.user;

import java.util.Locale;
import java.util.Optional;

/** A user's gender, chosen once during onboarding and never changed. */
public enum Gender {
    MALE("Male", "👨"),
    FEMALE("Female", "👩"),
    OTHER("Other", "🧑");

    private final String label;
    private final String emoji;

    Gender(String label, String emoji) {
        this.label = label;
        this.emoji = emoji;
    }

    /** How it is stored and used in callback data. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return emoji + " " + label;
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
