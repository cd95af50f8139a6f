package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.testing.EchoBotProcesses;
import org.luvhive.bot.testing.Runners;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * The runner killed with SIGKILL between storing and handling, and between queueing and
 * sending: after a restart nothing is lost and nothing is handled or sent twice.
 */
@ExtendWith(PostgresExtension.class)
class CrashRecoveryTest {

    private static final String TOKEN = "424242:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final int USERS = 8;
    private static final int MESSAGES_EACH = 3;

    private final TestDatabase database;
    private TelegramEmulator emulator;
    private EmulatedBot bot;
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path home;

    CrashRecoveryTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.telegramDefaults()).build().start();
        bot = emulator.bot(TOKEN);
    }

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        emulator.close();
    }

    private Process runner(String stage) throws Exception {
        Process process = EchoBotProcesses.start(stage,
                Runners.environment(database, emulator, TOKEN, home, Map.of()));
        processes.add(process);
        return process;
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    private long count(String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void nothingIsLostOrDoubledWhenKilledBetweenStagesTheRunnerGoesThrough() throws Exception {
        List<SimulatedUser> users = new ArrayList<>();
        for (int index = 0; index < USERS; index++) {
            SimulatedUser user = bot.newUser("User" + index);
            users.add(user);
            for (int message = 1; message <= MESSAGES_EACH; message++) {
                user.sendText(user.id() + "-" + message);
            }
        }
        int total = USERS * MESSAGES_EACH;

        Process storing = runner("store");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from inbox") == total);
        kill(storing); // stored, not handled; maybe not even confirmed to Telegram
        assertThat(count("select count(*) from inbox where status = 'pending'")).isEqualTo(total);

        Process handling = runner("handle");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from outbox") == total);
        kill(handling); // handled and queued, nothing sent
        assertThat(count("select count(*) from inbox where status = 'handled'")).isEqualTo(total);
        assertThat(bot.stats().totalDelivered()).isZero();

        runner("all");
        for (SimulatedUser user : users) {
            for (int message = 1; message <= MESSAGES_EACH; message++) {
                assertThat(user.awaitMessage(Duration.ofSeconds(30)).text()).isEqualTo("echo: " + user.id() + "-" + message);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from outbox where status = 'sent'") == total);
        // every row sent and none left to claim: no call can still be made, so a duplicate
        // would already be in the emulator's counts
        assertThat(count("select count(*) from outbox")).isEqualTo(total);
        for (SimulatedUser user : users) {
            assertThat(bot.stats().delivered(user.id())).as("messages to %s", user.id()).isEqualTo(MESSAGES_EACH);
        }
        assertThat(count("select count(*) from inbox")).as("redelivered updates stored once").isEqualTo(total);
    }
}
