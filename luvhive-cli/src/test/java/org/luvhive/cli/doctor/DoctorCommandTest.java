package org.luvhive.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.testing.Runners;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.TelegramEmulator;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;

/** {@code luvhive doctor} on a healthy installation and on broken ones: each failure names its runbook section. */
@ExtendWith(PostgresExtension.class)
class DoctorCommandTest {

    private static final String TOKEN = "757575:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

    private final TestDatabase database;

    @TempDir
    Path home;

    DoctorCommandTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void aHealthyInstallationIsAllOk() {
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            emulator.bot(TOKEN, "doctor_test_bot", "Doctor");
            Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home, Map.of());
            BotApplication application = Runners.echo(environment, home);
            try {
                assertThat(CliRun.run(environment, home, "backup", "create").exitCode()).isZero();
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        CliRun.run(environment, home, "status").exitCode() == 0);

                CliRun doctor = CliRun.run(environment, home, "doctor");

                assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isZero();
                assertThat(doctor.out().lines().filter(line -> line.startsWith("OK  "))).hasSize(9);
                assertThat(doctor.out())
                        .containsPattern("OK +configuration +no env file; database postgresql://")
                        .containsPattern("OK +database +postgresql://.* answers \\(PostgreSQL 15")
                        .containsPattern("OK +telegram +@doctor_test_bot \\(id 757575\\) answered getMe")
                        .containsPattern("OK +webhook +polling, no webhook set")
                        .containsPattern("OK +bots +1 reporting")
                        .containsPattern("OK +alerts +none firing")
                        .containsPattern("OK +backup age +BACKUP OK - newest luvhive_backup_")
                        .containsPattern("OK +backup disk +.* free in ")
                        .containsPattern("OK +pg_dump +pg_dump \\(PostgreSQL\\) 15")
                        .contains("9 OK, 0 WARN, 0 FAIL, 0 SKIP")
                        .doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8");
            } finally {
                application.close();
            }
        }
    }

    @Test
    void anUnreachableDatabaseAndTelegramAreFailuresWithTheirSections() throws Exception {
        int closed = closedPort();
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", "postgresql://luvhive@127.0.0.1:" + closed + "/luvhive");
        environment.put("BOT_TOKEN", TOKEN);
        environment.put("TELEGRAM_API_URL", "http://127.0.0.1:" + closed);
        environment.put("LUVHIVE_HOME", home.toString());

        CliRun doctor = CliRun.run(environment, home, "doctor");

        assertThat(doctor.exitCode()).isEqualTo(40);
        assertThat(doctor.out())
                .containsPattern("FAIL +database +cannot connect to database .*-> read RUNBOOK.md: Database connection"
                        + " failed")
                .containsPattern("FAIL +telegram +getMe failed .*-> read RUNBOOK.md: Telegram unreachable")
                .containsPattern("SKIP +webhook +the database is unreachable")
                .containsPattern("SKIP +bots ")
                .containsPattern("SKIP +pg_dump ")
                .containsPattern("FAIL +backup age +BACKUP CRITICAL - no complete backup.*-> read RUNBOOK.md: Backup"
                        + " failure");
    }

    @Test
    void aWebhookLeftSetWhileTheBotsPollAndNoBotRunningAreFound() throws Exception {
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            EmulatedBot bot = emulator.bot(TOKEN);
            Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home, Map.of());
            new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", emulator.port(), false))
                    .execute(SetWebhook.builder().url("https://elsewhere.example.org/hook").build());
            assertThat(bot.webhookStatus().url()).isEqualTo("https://elsewhere.example.org/hook");

            CliRun doctor = CliRun.run(environment, home, "doctor", "--json");

            assertThat(doctor.exitCode()).isEqualTo(40);
            JsonNode json = new ObjectMapper().readTree(doctor.out());
            assertThat(json.get("status").asText()).isEqualTo("FAIL");
            assertThat(verdict(json, "webhook")).isEqualTo("FAIL");
            assertThat(check(json, "webhook").get("detail").asText())
                    .contains("the bots poll, but Telegram has a webhook set (https://elsewhere.example.org/hook)");
            assertThat(check(json, "webhook").get("runbook").asText()).isEqualTo("Webhook validation failed");
            assertThat(verdict(json, "bots")).isEqualTo("FAIL");
            assertThat(check(json, "bots").get("runbook").asText()).isEqualTo("No bot reporting");
            assertThat(verdict(json, "alerts")).isEqualTo("SKIP");
        }
    }

    @Test
    void aTokenTelegramRefusesPointsAtTheCompromiseSection() {
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            emulator.bot(TOKEN); // the configured token below is another, unknown to Telegram
            Map<String, String> environment = Runners.environment(database, emulator,
                    "767676:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8", home, Map.of());

            CliRun doctor = CliRun.run(environment, home, "doctor");

            assertThat(doctor.exitCode()).isEqualTo(40);
            assertThat(doctor.out()).containsPattern("FAIL +telegram +Telegram refused the token \\(401 Unauthorized\\)"
                    + ".*-> read RUNBOOK.md: Bot token compromise");
        }
    }

    @Test
    void anInvalidConfigurationSkipsTheRestAndABackupDirectoryThatIsAFileFails() throws Exception {
        Map<String, String> invalid = new HashMap<>(database.environment());
        invalid.put("RUN_MODE", "carrier-pigeon");
        CliRun doctor = CliRun.run(invalid, home, "doctor");
        assertThat(doctor.exitCode()).isEqualTo(40);
        assertThat(doctor.out()).containsPattern("FAIL +configuration +RUN_MODE: .*-> read RUNBOOK.md: Configuration"
                + " invalid").contains("1 FAIL, 8 SKIP");

        Path file = Files.writeString(home.resolve("not-a-directory"), "x");
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("LUVHIVE_BACKUP_DIR", file.resolve("backups").toString());
        environment.put("LUVHIVE_HOME", home.toString());
        CliRun disk = CliRun.run(environment, home, "doctor");
        assertThat(disk.out()).containsPattern("FAIL +backup disk +.*not-a-directory is not a directory");
    }

    private static JsonNode check(JsonNode json, String name) {
        for (JsonNode check : json.get("checks")) {
            if (check.get("check").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + json);
    }

    private static String verdict(JsonNode json, String name) {
        return check(json, name).get("verdict").asText();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
