package org.luvhive.core.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages LuvHive speaks. A user's language is first taken from Telegram's
 * {@code language_code} (their app's language) and changed with {@code /language}.
 * Immutable.
 */
public enum Language {
    EN("en", "English", "🇬🇧"),
    RU("ru", "Русский", "🇷🇺"),
    ES("es", "Español", "🇪🇸");

    /** What a user who is unknown, or whose app speaks none of ours, gets. */
    public static final Language DEFAULT = EN;

    private final String code;
    private final String nativeName;
    private final String flag;

    Language(String code, String nativeName, String flag) {
        this.code = code;
        this.nativeName = nativeName;
        this.flag = flag;
    }

    /** How it is stored, in callback data and in Telegram's {@code language_code} (ISO 639-1). */
    public String code() {
        return code;
    }

    /** The language's name in itself, for the {@code /language} buttons. */
    public String nativeName() {
        return nativeName;
    }

    public String flag() {
        return flag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Optional<Language> ofCode(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }

    /**
     * The language of a Telegram {@code language_code} ({@code ru}, {@code es-419},
     * {@code pt-br}): its primary subtag if we speak it, else {@link #DEFAULT}.
     */
    public static Language ofTelegram(String languageCode) {
        if (languageCode == null || languageCode.isBlank()) {
            return DEFAULT;
        }
        String primary = languageCode.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return ofCode(primary).orElse(DEFAULT);
    }
}
