package org.luvhive.bot;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * {@code luvhive set-limits} (a stored limits setting) changes a running bot's send rate.
 * The bot runs on a manual clock that the test moves: its sends follow the clock exactly,
 * and since the clock stands still while the change travels, it can only have arrived by
 * notification (the 30 s re-read never comes due).
 */
@ExtendWith(PostgresExtension.class)
class LiveLimitsTest {

    private static final String TOKEN = "515151:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestDatabase database;
    private final ManualClock clock = new ManualClock(Instant.now());
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
    void aStoredChangeReachesTheRunningBotByNotificationAndChangesItsRate() {
        settings.store(new RateLimits("custom", 1, 1, 2, 2, 20, false), "test");
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("BOT_TOKEN", TOKEN);
        environment.put("PORT", "0");
        environment.put("MANAGEMENT_PORT", "0");
        environment.put("TELEGRAM_API_URL", emulator.baseUrl());
        environment.put("LUVHIVE_HOME", home.toString());
        application = BotApplication.start(new ConfigLoader(home).load(environment), clock,
                RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1)),
                (jdbi, outbox, caches, registry, violations) -> new EchoFeatures());
        List<SimulatedUser> users = new ArrayList<>();
        for (int index = 0; index < 12; index++) {
            SimulatedUser user = bot.newUser("U" + index);
            user.sendCommand("start");
            users.add(user);
        }

        List<SimulatedUser> first = users.subList(0, 6);
        broadcast(first);
        // 2/s with a burst of 1 (2 less the jitter reserve): one at once, then one per 500 ms of
        // the bot's clock, and never one more than the clock allows
        for (int step = 0; step < first.size(); step++) {
            long allowed = step + 1;
            await().atMost(WAIT).until(() -> delivered(first) == allowed);
            clock.advance(Duration.ofMillis(500));
        }

        RateLimits fast = new RateLimits("custom", 1, 1, 30, 30, 20, false);
        settings.store(fast, "oncall@cli");
        await().atMost(WAIT).until(() -> application.limits().current().equals(fast));
        List<SimulatedUser> second = users.subList(6, 12);
        broadcast(second);

        // 30/s with a burst of 22: all six at once, the clock standing still
        await().atMost(WAIT).until(() -> delivered(second) == second.size());
    }

    private void broadcast(List<SimulatedUser> users) {
        database.jdbi().useTransaction(handle -> users.forEach(user -> application.pipeline().outbox().enqueue(handle,
                OutboundMessage.of(user.id(), Priority.BROADCAST,
                        SendMessage.builder().chatId(user.id()).text("news").build()))));
    }

    private long delivered(List<SimulatedUser> users) {
        return users.stream().mapToLong(user -> bot.stats().delivered(user.id())).sum();
    }
}
