package org.luvhive.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations in words take each language's plural forms (Russian has three). */
class DurationWordsTest {

    @Test
    void englishAndSpanishHaveOneAndMany() {
        assertThat(DurationWords.describe(Duration.ofMinutes(1), Language.EN)).isEqualTo("1 minute");
        assertThat(DurationWords.describe(Duration.ofHours(24), Language.EN)).isEqualTo("24 hours");
        assertThat(DurationWords.describe(Duration.ofDays(7), Language.ES)).isEqualTo("7 días");
        assertThat(DurationWords.describe(Duration.ofHours(1), Language.ES)).isEqualTo("1 hora");
    }

    @Test
    void russianHasOneFewAndMany() {
        assertThat(DurationWords.describe(Duration.ofMinutes(21), Language.RU)).isEqualTo("21 минуту");
        assertThat(DurationWords.describe(Duration.ofMinutes(11), Language.RU)).isEqualTo("11 минут");
        assertThat(DurationWords.describe(Duration.ofHours(3), Language.RU)).isEqualTo("3 часа");
        assertThat(DurationWords.describe(Duration.ofHours(12), Language.RU)).isEqualTo("12 часов");
        assertThat(DurationWords.describe(Duration.ofDays(2), Language.RU)).isEqualTo("2 дня");
        assertThat(DurationWords.describe(Duration.ofDays(5), Language.RU)).isEqualTo("5 дней");
    }
}
