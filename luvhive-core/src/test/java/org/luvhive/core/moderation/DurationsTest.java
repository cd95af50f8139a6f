package org.luvhive.core.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.luvhive.core.i18n.Language;

/** Durations in words take each language's plural forms (Russian has three). */
class DurationsTest {

    @Test
    void englishAndSpanishHaveOneAndMany() {
        assertThat(Durations.describe(Duration.ofMinutes(1), Language.EN)).isEqualTo("1 minute");
        assertThat(Durations.describe(Duration.ofHours(24), Language.EN)).isEqualTo("24 hours");
        assertThat(Durations.describe(Duration.ofDays(7), Language.ES)).isEqualTo("7 días");
        assertThat(Durations.describe(Duration.ofHours(1), Language.ES)).isEqualTo("1 hora");
    }

    @Test
    void russianHasOneFewAndMany() {
        assertThat(Durations.describe(Duration.ofMinutes(21), Language.RU)).isEqualTo("21 минуту");
        assertThat(Durations.describe(Duration.ofMinutes(11), Language.RU)).isEqualTo("11 минут");
        assertThat(Durations.describe(Duration.ofHours(3), Language.RU)).isEqualTo("3 часа");
        assertThat(Durations.describe(Duration.ofHours(12), Language.RU)).isEqualTo("12 часов");
        assertThat(Durations.describe(Duration.ofDays(2), Language.RU)).isEqualTo("2 дня");
        assertThat(Durations.describe(Duration.ofDays(5), Language.RU)).isEqualTo("5 дней");
    }
}
