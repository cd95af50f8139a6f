package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/** Two instances in polling mode: one polls, the other stands by and takes over when the first is killed. */
@ExtendWith(PostgresExtension.class)
class PollerFailoverTest {

    private static final String TOKEN = "626262:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

    private final TestDatabase database;

    @TempDir
    Path home;

    PollerFailoverTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void onlyOnePollsAndAStandbyTakesOverWhenItIsKilled() throws Exception {
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            EmulatedBot bot = emulator.bot(TOKEN);
            Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home, Map.of());
            Process first = EchoBotProcesses.start("all", environment);
            try {
                SimulatedUser user = bot.newUser("Steady");
                user.sendText("one");
                assertThat(user.awaitMessage(Duration.ofSeconds(20)).text()).isEqualTo("echo: one");

                BotApplication standby = Runners.echo(environment, home);
                try {
                    Thread.sleep(2500); // several election ticks
                    assertThat(standby.intake().isPoller()).as("the standby does not poll while the first lives").isFalse();
                    long conflictsBefore = conflicts(bot);

                    first.destroyForcibly();
                    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
                    long killedAt = System.nanoTime();
                    await().atMost(Duration.ofSeconds(15)).until(() -> standby.intake().isPoller());
                    Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);

                    user.sendText("two");
                    assertThat(user.awaitMessage(Duration.ofSeconds(20)).text()).isEqualTo("echo: two");
                    assertThat(takeover).isLessThan(Duration.ofSeconds(10));
                    // the dying poller's last long poll may overlap the new one once: no storm
                    assertThat(conflicts(bot) - conflictsBefore).isLessThanOrEqualTo(2);
                } finally {
                    standby.close();
                }
            } finally {
                first.destroyForcibly();
            }
        }
    }

    private static long conflicts(EmulatedBot bot) {
        return bot.stats().errorsByCode().getOrDefault(409, 0L);
    }
}
