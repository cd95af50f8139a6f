package org.luvhive.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.limits.LimitsProfile;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * The limits a database holds are told by profile when they are a runbook profile's, and
 * by their values otherwise, with the command that stores them again: two custom limits
 * share the name "custom", and {@code set-limits --profile custom} does not exist.
 */
@ExtendWith(PostgresExtension.class)
class RuntimeSettingsTest {

    private final TestDatabase database;
    private final OpsSettings ops;
    private final LimitsSettings limits;
    private LuvhiveConfig config;

    @TempDir
    Path home;

    RuntimeSettingsTest(TestDatabase database) {
        this.database = database;
        this.ops = new OpsSettings(database.jdbi(), ManualClock.at("2026-12-06T12:00:00Z"));
        this.limits = new LimitsSettings(ops, new ObjectMapper());
    }

    @BeforeEach
    void setUp() {
        database.jdbi().useHandle(handle -> handle.execute("truncate ops_settings"));
        config = new ConfigLoader(home).load(Map.of());
    }

    private RuntimeSettings.Setting limitsSetting() {
        return RuntimeSettings.read(ops, config).settings().stream()
                .filter(setting -> setting.name().equals("limits profile")).findFirst().orElseThrow();
    }

    @Test
    void aRunbookProfileIsToldByNameAndSetAgainByName() {
        limits.store(LimitsProfile.CRISIS.limits(), "test");

        assertThat(limitsSetting().value()).isEqualTo("crisis");
        assertThat(limitsSetting().fix()).isEqualTo("luvhive set-limits --profile crisis");
    }

    @Test
    void customLimitsAreToldByTheirValuesAndSetAgainValueByValue() {
        limits.store(new RateLimits("custom", 2, 4, 10, 10, 20, false), "test");

        assertThat(limitsSetting().value()).isEqualTo("custom (per user 2/s burst 4, global 10/s burst 10, groups 20/min)");
        assertThat(limitsSetting().fix()).isEqualTo(
                "luvhive set-limits --per-user 2 --per-user-burst 4 --global 10 --global-burst 10 --group-per-minute 20");
    }

    @Test
    void twoDifferentCustomLimitsDiffer() {
        limits.store(new RateLimits("custom", 2, 4, 10, 10, 20, false), "test");
        RuntimeSettings before = RuntimeSettings.read(ops, config);
        limits.store(new RateLimits("custom", 0.5, 2, 5, 5, 20, false), "test");

        assertThat(RuntimeSettings.read(ops, config).differentIn(before)).extracting(RuntimeSettings.Setting::fix)
                .containsExactly("luvhive set-limits --per-user 2 --per-user-burst 4 --global 10 --global-burst 10"
                        + " --group-per-minute 20");
    }
}
