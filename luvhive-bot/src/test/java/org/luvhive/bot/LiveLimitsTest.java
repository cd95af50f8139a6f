package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.testing.EchoFeatures;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** {@code luvhive set-limits} (a stored limits setting) changes a running bot's rate within a second. */
@ExtendWith(PostgresExtension.class)
class LiveLimitsTest {

    private static final String TOKEN = "515151:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

    private final TestDatabase database;
    private final TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
    private final EmulatedBot bot = emulator.bot(TOKEN);
    private final LimitsSettings settings;
    private BotApplication application;

    @TempDir
    Path home;

    LiveLimitsTest(TestDatabase database) {
        this.database = database;
        this.settings = new LimitsSettings(new OpsSettings(database.jdbi(), Clock.systemUTC()), new ObjectMapper());
    }

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
        emulator.close();
    }

    @Test
    void aStoredChangeReachesTheRunningBotWithinASecondAndChangesItsRate() throws Exception {
        settings.store(new RateLimits("custom", 1, 1, 2, 2, 20, false), "test");
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("BOT_TOKEN", TOKEN);
        environment.put("PORT", "0");
        environment.put("TELEGRAM_API_URL", emulator.baseUrl());
        environment.put("LUVHIVE_HOME", home.toString());
        application = BotApplication.start(new ConfigLoader(home).load(environment), Clock.systemUTC(),
                BotSettings.defaults().withPollTimeout(Duration.ofSeconds(1)), (jdbi, outbox) -> new EchoFeatures());
        List<SimulatedUser> users = new ArrayList<>();
        for (int index = 0; index < 12; index++) {
            SimulatedUser user = bot.newUser("U" + index);
            user.sendCommand("start");
            users.add(user);
        }

        Duration slow = broadcast(users.subList(0, 6));

        RateLimits fast = new RateLimits("custom", 1, 1, 30, 30, 20, false);
        long changed = System.nanoTime();
        settings.store(fast, "oncall@cli");
        while (!application.limits().current().equals(fast)) {
            Thread.sleep(10);
        }
        Duration applied = Duration.ofNanos(System.nanoTime() - changed);
        Duration quick = broadcast(users.subList(6, 12));

        assertThat(applied).isLessThan(Duration.ofSeconds(1));
        // 2/s with one token reserved for jitter: 6 sends take about 2.5 s; at 30/s they take a moment
        assertThat(slow).isGreaterThan(Duration.ofMillis(2300));
        assertThat(quick).isLessThan(Duration.ofMillis(1500));
    }

    private Duration broadcast(List<SimulatedUser> users) {
        long start = System.nanoTime();
        database.jdbi().useTransaction(handle -> users.forEach(user -> application.pipeline().outbox().enqueue(handle,
                OutboundMessage.of(user.id(), Priority.BROADCAST,
                        SendMessage.builder().chatId(user.id()).text("news").build()))));
        users.forEach(user -> user.awaitMessageContaining("news", Duration.ofSeconds(15)));
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
