package org.luvhive.cli.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.testing.Runners;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/** switch-mode both ways on a running bot with traffic flowing: every update handled exactly once. */
@ExtendWith(PostgresExtension.class)
class SwitchModeTest {

    private static final String TOKEN = "646464:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final String SECRET = "switch_secret-1";

    private final TestDatabase database;

    @TempDir
    Path home;

    SwitchModeTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void switchingBothWaysUnderTrafficLosesAndDoublesNothing() throws Exception {
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            EmulatedBot bot = emulator.bot(TOKEN);
            Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home,
                    Map.of("SECRET_TOKEN", SECRET));
            BotApplication application = Runners.echo(environment, home);
            try {
                List<SimulatedUser> users = List.of(bot.newUser("A"), bot.newUser("B"), bot.newUser("C"));
                AtomicBoolean sending = new AtomicBoolean(true);
                List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
                Thread traffic = new Thread(() -> {
                    int index = 0;
                    while (sending.get()) {
                        SimulatedUser user = users.get(index % users.size());
                        String text = "m" + index++;
                        user.sendText(text);
                        sent.add(user.id() + ":" + text);
                        sleep(400); // each user writes every 1.2 s: under the per-user and per-chat limits
                    }
                });
                traffic.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> application.intake().isPoller());
                Thread.sleep(1000);

                Map<String, String> cli = new HashMap<>(environment);
                CliRun toWebhook = CliRun.run(cli, home, "switch-mode", "webhook", "--url",
                        "http://127.0.0.1:" + application.httpPort() + "/lh");
                assertThat(toWebhook.exitCode()).as(toWebhook.err()).isZero();
                assertThat(toWebhook.out()).contains("/lh/telegram/646464");
                await().atMost(Duration.ofMillis(1500)).until(() -> !application.intake().isPoller());
                Thread.sleep(1500);
                CliRun info = CliRun.run(cli, home, "webhook", "info");
                assertThat(info.out()).contains("Mode (stored):  webhook").contains("/lh/telegram/646464");

                CliRun toPolling = CliRun.run(cli, home, "switch-mode", "polling");
                assertThat(toPolling.exitCode()).as(toPolling.err()).isZero();
                await().atMost(Duration.ofMillis(1500)).until(() -> application.intake().isPoller());
                Thread.sleep(1500);
                sending.set(false);
                traffic.join();

                for (SimulatedUser user : users) {
                    long expected = sent.stream().filter(entry -> entry.startsWith(user.id() + ":")).count();
                    await().atMost(Duration.ofSeconds(20)).until(() -> echoes(user).size() == expected);
                }
                Thread.sleep(1000); // a duplicate would arrive by now
                for (SimulatedUser user : users) {
                    List<String> echoes = echoes(user);
                    assertThat(echoes).doesNotHaveDuplicates();
                    assertThat(echoes).hasSize((int) sent.stream().filter(entry -> entry.startsWith(user.id() + ":")).count());
                }
                Long stored = database.jdbi().withHandle(handle -> handle.createQuery(
                        "select count(*) from inbox where status = 'handled' and kind = 'message'").mapTo(Long.class).one());
                assertThat(stored).isEqualTo(sent.size());
            } finally {
                application.close();
            }
        }
    }

    private static List<String> echoes(SimulatedUser user) {
        return user.history().stream().map(ChatMessage::text).filter(text -> text != null && text.startsWith("echo: "))
                .toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void webhookModeNeedsASecret(@TempDir Path otherHome) {
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("BOT_TOKEN", TOKEN);
        environment.put("TELEGRAM_API_URL", "http://127.0.0.1:9");

        CliRun run = CliRun.run(environment, otherHome, "switch-mode", "webhook", "--url", "https://bot.example.org");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("SECRET_TOKEN: is required for webhook mode");
    }

    @Test
    void anUnknownModeIsAUsageError(@TempDir Path otherHome) {
        CliRun run = CliRun.run(database.environment(), otherHome, "switch-mode", "carrier-pigeon");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mode must be 'polling' or 'webhook'");
    }
}
