package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.testing.Runners;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.TelegramEmulator;

/** The real entry point under SIGTERM: stops cleanly and exits 0 within a bounded time. */
@ExtendWith(PostgresExtension.class)
class SigtermTest {

    private static final String TOKEN = "636363:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

    private final TestDatabase database;

    @TempDir
    Path home;

    SigtermTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void sigtermStopsTheBotAndExitsZero() throws Exception {
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            emulator.bot(TOKEN);
            Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home, Map.of());
            ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), BotMain.class.getName()).redirectErrorStream(true)
                    .redirectOutput(home.resolve("bot.out").toFile());
            builder.environment().putAll(environment);
            builder.environment().put("LUVHIVE_ENV_FILE", "");
            Process bot = builder.start();
            Path log = home.resolve("bot.out");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!java.nio.file.Files.readString(log).contains("LuvHive is running") && System.nanoTime() < deadline) {
                assertThat(bot.isAlive()).as("the bot started: %s", java.nio.file.Files.readString(log)).isTrue();
                Thread.sleep(100);
            }

            long signalled = System.nanoTime();
            bot.destroy(); // SIGTERM
            boolean exited = bot.waitFor(30, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - signalled);

            assertThat(exited).isTrue();
            String output = java.nio.file.Files.readString(log);
            assertThat(bot.exitValue()).as("exit code; output: %s", output).isZero();
            assertThat(took).isLessThan(Duration.ofSeconds(25));
            assertThat(output).contains("SIGTERM: stopping intake").contains("LuvHive stopped");
        }
    }
}
