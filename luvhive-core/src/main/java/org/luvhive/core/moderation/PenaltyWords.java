package org.luvhive.core.moderation;

import org.luvhive.core.i18n.DurationWords;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.moderation.filter.StrikeLadder;

/**
 * A strike ladder's step in words for users, in their language: "a warning", "a mute of
 * 24 hours" (durations in {@link DurationWords}). Stateless.
 */
final class PenaltyWords {

    private PenaltyWords() {
    }

    static String describe(StrikeLadder.Step step, Language language) {
        return switch (step.penalty()) {
            case WARN -> Texts.of(language, "moderation.step.warn");
            case MUTE -> Texts.of(language, "moderation.step.mute", DurationWords.describe(step.duration(), language));
            case BAN -> Texts.of(language, "moderation.step.ban");
        };
    }
}
