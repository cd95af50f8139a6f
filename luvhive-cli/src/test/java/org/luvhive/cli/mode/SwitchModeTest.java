package org.luvhive.cli.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final Duration SETTLE = Duration.ofSeconds(30);

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
                await().atMost(SETTLE).until(() -> application.intake().isPoller());
                EchoTraffic traffic = new EchoTraffic(users);
                traffic.awaitRounds(2);

                CliRun toWebhook = CliRun.run(environment, home, "switch-mode", "webhook", "--url",
                        "http://127.0.0.1:" + application.httpPort() + "/lh");
                assertThat(toWebhook.exitCode()).as(toWebhook.err()).isZero();
                assertThat(toWebhook.out()).contains("/lh/telegram/646464");
                await().atMost(SETTLE).until(() -> !application.intake().isPoller());
                traffic.awaitRounds(2);
                assertThat(bot.webhookStatus().url()).contains("/lh/telegram/646464");
                CliRun info = CliRun.run(environment, home, "webhook", "info");
                assertThat(info.out()).contains("Mode (stored):  webhook").contains("/lh/telegram/646464");

                CliRun toPolling = CliRun.run(environment, home, "switch-mode", "polling");
                assertThat(toPolling.exitCode()).as(toPolling.err()).isZero();
                await().atMost(SETTLE).until(() -> application.intake().isPoller());
                traffic.awaitRounds(2);
                traffic.close();

                // A user sees an echo as the emulator answers the call, a moment before the
                // sender's transaction marks its row sent: wait until nothing is queued or in
                // flight (a row put back for a retry would be sent again before that).
                await().atMost(SETTLE).until(() -> count("select count(*) from outbox"
                        + " where status in ('queued', 'sending')") == 0);
                int sent = traffic.sent().size();
                assertThat(count("select count(*) from outbox where status <> 'sent'"))
                        .as("nothing parked or cancelled").isZero();
                assertThat(count("select count(*) from outbox")).as("one echo queued per message").isEqualTo(sent);
                assertThat(count("select count(*) from inbox where status = 'handled' and kind = 'message'"))
                        .as("every update stored and handled once").isEqualTo(sent);
                assertThat(acceptedSendMessages(bot)).as("every echo sent to Telegram once").isEqualTo(sent);
                for (SimulatedUser user : users) {
                    assertThat(echoes(user)).doesNotHaveDuplicates().hasSize(traffic.sentBy(user).size());
                }
            } finally {
                application.close();
            }
        }
    }

    private static long acceptedSendMessages(EmulatedBot bot) {
        return bot.requestLog().stream().filter(call -> call.method().equals("sendMessage") && call.status() == 200)
                .count();
    }

    private long count(String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<String> echoes(SimulatedUser user) {
        return user.history().stream().map(ChatMessage::text).filter(text -> text != null && text.startsWith("echo: "))
                .toList();
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
