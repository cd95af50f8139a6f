package org.luvhive.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.core.limits.LimitsProfile;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.LiveLimits;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.OpsSettingsListener;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * A limit change as {@code luvhive set-limits} makes it (stored, announced through
 * LISTEN/NOTIFY): rows queued under the old limits are planned again at once, so none
 * waits on a schedule the old limits set.
 */
@ExtendWith(PostgresExtension.class)
class LimitChangeTest {

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
    private final ObjectMapper mapper = new ObjectMapper();
    private TelegramEmulator emulator;
    private OpsSettingsListener listener;
    private LimitsSettings settings;
    private LiveLimits limits;
    private SenderFixture fixture;

    @TempDir
    Path logs;

    LimitChangeTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void start() {
        database.jdbi().useHandle(handle -> handle.execute(
                "truncate outbox, blocked_recipients, rate_limit_buckets, ops_settings"));
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.telegramDefaults()).clock(clock).build().start();
        OpsSettings opsSettings = new OpsSettings(database.jdbi(), clock);
        settings = new LimitsSettings(opsSettings, mapper);
        limits = new LiveLimits(settings);
        listener = new OpsSettingsListener(database.database()::openDedicatedConnection, opsSettings,
                OpsSettingsListener.FALLBACK_REFRESH, clock);
        listener.start();
        limits.follow(listener);
        fixture = new SenderFixture(database, emulator, logs, limits, SenderSettings.defaults(), clock);
    }

    @AfterEach
    void stop() {
        fixture.close();
        listener.close();
        emulator.close();
    }

    private void change(LimitsProfile profile) {
        settings.store(profile.limits(), "test");
        await().atMost(Duration.ofSeconds(10)).until(() -> limits.current().profile().equals(profile.label()));
    }

    private long delivered(SimulatedUser user) {
        return fixture.bot.stats().delivered(user.id());
    }

    @Test
    void rowsQueuedUnderCrisisGoOutAtTheNormalPaceAsSoonAsTheLimitsAreBack() {
        change(LimitsProfile.CRISIS); // 0.5/s into a private chat, burst 2
        SimulatedUser user = fixture.bot.newUser("Ann");
        user.sendCommand("start");
        for (int index = 1; index <= 6; index++) {
            fixture.enqueueText(user.id(), Priority.RELAY, "m" + index);
        }
        fixture.dispatchAll();
        assertThat(delivered(user)).as("crisis burst").isEqualTo(2);
        clock.advance(Duration.ofMillis(500));
        fixture.dispatchAll();
        assertThat(delivered(user)).as("crisis holds the third for 2 s").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1)); // 0.5 s before crisis would let the third go

        change(LimitsProfile.NORMAL); // 1/s, burst 2
        fixture.dispatchAll();

        assertThat(delivered(user)).as("at once under the new limits, not at the old schedule").isEqualTo(4);
        clock.advance(Duration.ofSeconds(1));
        fixture.dispatchAll();
        assertThat(delivered(user)).as("then one a second").isEqualTo(5);
        clock.advance(Duration.ofSeconds(1));
        fixture.dispatchAll();
        assertThat(delivered(user)).isEqualTo(6);
        assertThat(user.received()).extracting(message -> message.text())
                .containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
    }
}
