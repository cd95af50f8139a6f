package org.luvhive.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class OpsSettingsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");

    private final OpsSettings settings;

    OpsSettingsTest(TestDatabase database) {
        this.settings = new OpsSettings(database.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void putThenFindRecordsWhoAndWhen() {
        settings.put("limits.profile", "high", "alice");

        assertThat(settings.find("limits.profile")).get().satisfies(setting -> {
            assertThat(setting.value()).isEqualTo("high");
            assertThat(setting.updatedBy()).isEqualTo("alice");
            assertThat(setting.updatedAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(NOW);
        });
    }

    @Test
    void putOverwritesAndAllListsByKey() {
        settings.put("run.mode", "polling", "cli");
        settings.put("run.mode", "webhook", "bob");
        settings.put("moderation.strictness", "normal", "cli");

        assertThat(settings.find("run.mode").orElseThrow().value()).isEqualTo("webhook");
        assertThat(settings.all()).extracting(OpsSetting::key).containsSubsequence("moderation.strictness", "run.mode");
        assertThat(settings.delete("run.mode")).isTrue();
        assertThat(settings.find("run.mode")).isEmpty();
    }

    @Test
    void refusesBadKeysAndAnonymousWrites() {
        assertThatThrownBy(() -> settings.put("Bad Key", "x", "cli")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.put("ok.key", "x", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
