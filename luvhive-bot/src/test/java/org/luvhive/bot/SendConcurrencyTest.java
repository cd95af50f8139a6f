package org.luvhive.bot;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.testing.Runners;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.Fault;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * {@code SEND_CONCURRENCY} reaches the production bot's sender: with 2, six answers held
 * up by a slow Bot API go out two at a time (the default of 8 would send all six at once).
 */
@ExtendWith(PostgresExtension.class)
class SendConcurrencyTest {

    private static final String TOKEN = "626262:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestDatabase database;
    private final TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
    private final EmulatedBot bot = emulator.bot(TOKEN);
    private BotApplication application;

    @TempDir
    Path home;

    SendConcurrencyTest(TestDatabase database) {
        this.database = database;
    }

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
        emulator.close();
    }

    @Test
    void theSenderKeepsAtMostSendConcurrencyCallsInFlight() {
        Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home,
                Map.of("SEND_CONCURRENCY", "2"));
        application = BotMain.start(() -> new ConfigLoader(home).load(environment), Clock.systemUTC(),
                RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1)).withShutdownGrace(Duration.ofSeconds(5)));
        bot.faults().failFor("sendMessage", Duration.ofMinutes(2), Fault.delay(Duration.ofMillis(1500)));
        List<SimulatedUser> users = new ArrayList<>();
        for (int index = 0; index < 6; index++) {
            SimulatedUser user = bot.newUser("C" + index);
            user.sendCommand("start");
            users.add(user);
        }

        await().atMost(WAIT).until(() -> application.pipeline().sender().inFlight() == 2);
        await().atMost(WAIT).during(Duration.ofSeconds(2))
                .until(() -> application.pipeline().sender().inFlight() <= 2);
        users.forEach(user -> user.awaitMessage(WAIT));
    }
}
