package org.luvhive.cli.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.testing.Runners;
import org.luvhive.cli.CliRun;
import org.luvhive.cli.LuvhiveCli;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;
import org.slf4j.LoggerFactory;

/** rotate-token swaps a running bot to the new token, loses no update, and never shows the token. */
@ExtendWith(PostgresExtension.class)
class RotateTokenTest {

    private static final String OLD = "656565:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final String NEW = "656565:ZZnewTokenAfterRevokeXyz0123456789ab";
    private static final String OTHER_BOT = "777777:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

    private final TestDatabase database;

    @TempDir
    Path home;

    RotateTokenTest(TestDatabase database) {
        this.database = database;
    }

    private CliRun rotate(Map<String, String> environment, String stdin, String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[extra.length + 1];
        args[0] = "rotate-token";
        System.arraycopy(extra, 0, args, 1, extra.length);
        int code = LuvhiveCli.run(environment, new ConfigLoader(home), Clock.systemUTC(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRunningBotSwapsToTheNewTokenAndTheTokenAppearsNowhere() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            EmulatedBot bot = emulator.bot(OLD);
            Path envFile = home.resolve("luvhive.env");
            Files.writeString(envFile, "# production\nBOT_TOKEN=" + OLD + "\nADMIN_IDS=1\n");
            Map<String, String> environment = new HashMap<>(Runners.environment(database, emulator, OLD, home,
                    Map.of("LUVHIVE_ENV_FILE", envFile.toString())));
            environment.remove("BOT_TOKEN"); // the token lives in the env file only
            BotApplication application = BotApplication.start(() -> new ConfigLoader(home).load(environment),
                    Clock.systemUTC(), org.luvhive.bot.RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1))
                            .withShutdownGrace(Duration.ofSeconds(5)),
                    (jdbi, outbox, caches, registry, violations) -> new org.luvhive.bot.testing.EchoFeatures());
            CliRun rotated;
            try {
                SimulatedUser user = bot.newUser("Loyal");
                user.sendText("before");
                // the first answer of a bot just started: at a load of 35 it once took more than 15 s
                assertThat(user.awaitMessage(Duration.ofSeconds(60)).text()).isEqualTo("echo: before");

                emulator.rotateToken(OLD, NEW); // BotFather's /revoke: the old token is dead from now
                user.sendText("during"); // sent while the bot still holds the old token
                rotated = rotate(environment, NEW + "\n");

                assertThat(rotated.exitCode()).as(rotated.err()).isZero();
                assertThat(rotated.out()).contains("Token rotated: bot 656565").contains("656565:ZZ…ab");
                // on the notification, well before the 30 s fallback re-read
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                        .until(() -> application.gateway().toString() != null
                                && ((org.luvhive.core.telegram.TelegramBotsGateway) application.gateway()).token().reveal()
                                .equals(NEW));
                assertThat(user.awaitMessage(Duration.ofSeconds(30)).text()).isEqualTo("echo: during");
                user.sendText("after");
                assertThat(user.awaitMessage(Duration.ofSeconds(30)).text()).isEqualTo("echo: after");
            } finally {
                application.close();
            }

            assertThat(Files.readString(envFile)).contains("BOT_TOKEN=" + NEW).contains("# production")
                    .contains("ADMIN_IDS=1").doesNotContain(OLD);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile))).isEqualTo("rw-------");
            String secretPart = NEW.substring(NEW.indexOf(':') + 1);
            assertThat(rotated.out() + rotated.err()).doesNotContain(secretPart);
            for (ILoggingEvent event : logs.list) {
                String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                        : event.getThrowableProxy().getMessage());
                assertThat(line).doesNotContain(secretPart).doesNotContain(OLD.substring(OLD.indexOf(':') + 1));
            }
            String settings = database.jdbi().withHandle(handle -> handle.createQuery(
                    "select string_agg(key || '=' || value, ';') from ops_settings").mapTo(String.class).one());
            assertThat(settings).contains("token.rotated_at").doesNotContain(secretPart);
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void anotherBotsTokenIsRefusedWithoutForceAndABadTokenNeverEchoed() throws Exception {
        try (TelegramEmulator emulator = TelegramEmulator.builder().build().start()) {
            emulator.bot(OLD);
            emulator.bot(OTHER_BOT);
            Path envFile = home.resolve("other.env");
            Files.writeString(envFile, "BOT_TOKEN=" + OLD + "\n");
            Map<String, String> environment = new HashMap<>(database.environment());
            environment.put("TELEGRAM_API_URL", emulator.baseUrl());
            environment.put("LUVHIVE_ENV_FILE", envFile.toString());

            CliRun other = rotate(environment, OTHER_BOT + "\n");
            assertThat(other.exitCode()).isEqualTo(2);
            assertThat(other.err()).contains("the new token is for bot 777777").contains("--force");
            assertThat(Files.readString(envFile)).contains(OLD);

            CliRun malformed = rotate(environment, "not-a-token-but-secret-looking\n");
            assertThat(malformed.exitCode()).isEqualTo(2);
            assertThat(malformed.err()).contains("the new token is not a bot token").doesNotContain("secret-looking");

            CliRun unknown = rotate(environment, "656565:UnknownToTelegramXXXXXXXXXXXXXXXXXXXX\n");
            assertThat(unknown.exitCode()).isEqualTo(6);
            assertThat(unknown.err()).doesNotContain("UnknownToTelegram");

            CliRun forced = rotate(environment, OTHER_BOT + "\n", "--force");
            assertThat(forced.exitCode()).as(forced.err()).isZero();
            assertThat(Files.readString(envFile)).contains(OTHER_BOT);
        }
    }
}
