package org.luvhive.core.moderation;

import java.time.Duration;
import org.luvhive.core.i18n.DurationWords;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.moderation.filter.StrikeLadder;

/**
 * Durations and ladder steps in words for users, in their language: "10 minutes", "1 hour",
 * "a mute of 24 hours" (the words from {@link DurationWords}). Stateless.
 */
final class Durations {

    private Durations() {
    }

    static String describe(Duration duration, Language language) {
        return DurationWords.describe(duration, language);
    }

    static String describe(StrikeLadder.Step step, Language language) {
        return switch (step.penalty()) {
            case WARN -> Texts.of(language, "moderation.step.warn");
            case MUTE -> Texts.of(language, "moderation.step.mute", describe(step.duration(), language));
            case BAN -> Texts.of(language, "moderation.step.ban");
        };
    }
}
