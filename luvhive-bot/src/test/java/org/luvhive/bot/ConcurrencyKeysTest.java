package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * The concurrency keys reach the production bot: {@code SEND_CONCURRENCY} its sender (with
 * 2, six answers held up by a slow Bot API go out two at a time; the default of 8 would send
 * all six at once), {@code HANDLER_THREADS} the threads handling stored updates.
 */
@ExtendWith(PostgresExtension.class)
class ConcurrencyKeysTest {

    private static final String TOKEN = "626262:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestDatabase database;
    private final TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
    private final EmulatedBot bot = emulator.bot(TOKEN);
    private BotApplication application;

    @TempDir
    Path home;

    ConcurrencyKeysTest(TestDatabase database) {
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
        startProductionBot("SEND_CONCURRENCY", "2");
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

    @Test
    void handlerThreadsSetsHowManyThreadsHandleUpdates() {
        startProductionBot("HANDLER_THREADS", "5");

        await().atMost(WAIT).until(() -> liveThreads().contains("luvhive-inbox-5"));
        assertThat(liveThreads()).doesNotContain("luvhive-inbox-6");
        // no update sent: both tests share the class's database, and a second emulator numbers
        // its updates from the same first update_id, which the inbox would take for redeliveries
    }

    /** The bot as BotMain wires it, with one configuration key set. */
    private void startProductionBot(String key, String value) {
        Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home, Map.of(key, value));
        application = BotMain.start(() -> new ConfigLoader(home).load(environment), Clock.systemUTC(),
                RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1)).withShutdownGrace(Duration.ofSeconds(5)));
    }

    private static Set<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
