package org.luvhive.core.i18n;

import java.time.Duration;

/**
 * Durations in words for users, in their language: "10 minutes", "1 hour", "7 days"
 * ({@code duration.<unit>.<one|few|many>} in the bundles; Russian needs all three forms,
 * English and Spanish two). Rounded up to whole minutes. Stateless.
 */
public final class DurationWords {

    private DurationWords() {
    }

    public static String describe(Duration duration, Language language) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        if (minutes % (60 * 24) == 0 && minutes >= 2 * 60 * 24) {
            return plural(minutes / (60 * 24), "day", language);
        }
        if (minutes % 60 == 0) {
            return plural(minutes / 60, "hour", language);
        }
        return plural(minutes, "minute", language);
    }

    private static String plural(long count, String unit, Language language) {
        return Texts.of(language, "duration." + unit + "." + form(count, language), count);
    }

    /** The plural form a count takes: Russian's one/few/many, else one/many. */
    private static String form(long count, Language language) {
        if (language != Language.RU) {
            return count == 1 ? "one" : "many";
        }
        long lastTwo = count % 100;
        long last = count % 10;
        if (last == 1 && lastTwo != 11) {
            return "one";
        }
        return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? "few" : "many";
    }
}
