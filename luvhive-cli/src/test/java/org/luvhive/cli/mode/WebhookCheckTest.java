package org.luvhive.cli.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.testing.Runners;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.TelegramEmulator;

/** {@code luvhive webhook check} against a running bot's own webhook endpoint. */
@ExtendWith(PostgresExtension.class)
class WebhookCheckTest {

    private static final String TOKEN = "747474:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final String SECRET = "check_secret-1";

    private final TestDatabase database;
    private TelegramEmulator emulator;
    private BotApplication application;
    private Map<String, String> environment;

    @TempDir
    Path home;

    WebhookCheckTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void startBot() {
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
        emulator.bot(TOKEN);
        environment = Runners.environment(database, emulator, TOKEN, home, Map.of("SECRET_TOKEN", SECRET));
        application = Runners.echo(environment, home);
    }

    @AfterEach
    void stopBot() {
        application.close();
        emulator.close();
    }

    @Test
    void theBotsOwnEndpointAnswersAsLuvHivesWebhookAndNoUpdateIsCreated() throws Exception {
        CliRun check = CliRun.run(environment, home, "webhook", "check", "--url", base());

        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out())
                .contains("Webhook URL:  " + base() + "/telegram/747474")
                .containsPattern("right secret, empty body: +400 in \\d+ ms \\(expected 400\\): OK: refused as malformed")
                .containsPattern("wrong secret: +401 in \\d+ ms \\(expected 401\\): OK: refused as unauthorised")
                .contains("Webhook OK")
                .doesNotContain(SECRET);
        assertThat(count("select count(*) from inbox")).as("the check creates no update").isZero();
        assertThat(count("select count(*) from update_quarantine")).as("nor a quarantined one").isZero();

        JsonNode json = new ObjectMapper().readTree(
                CliRun.run(environment, home, "webhook", "check", "--url", base(), "--json").out());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("requests")).hasSize(2);
        assertThat(json.get("requests").get(0).get("status").asInt()).isEqualTo(400);
        assertThat(json.get("requests").get(1).get("status").asInt()).isEqualTo(401);
        assertThat(json.get("tls").isNull()).isTrue();
    }

    @Test
    void anotherSecretIsFoundOut() {
        Map<String, String> otherSecret = new HashMap<>(environment);
        otherSecret.put("SECRET_TOKEN", "not_the_bots_secret");

        CliRun check = CliRun.run(otherSecret, home, "webhook", "check", "--url", base());

        assertThat(check.exitCode()).isEqualTo(42);
        assertThat(check.out()).contains("answered 401 to our SECRET_TOKEN: the bot behind this URL has another secret")
                .contains("Webhook FAILED");
    }

    @Test
    void theUrlTheLastSwitchSetIsTheOneChecked() {
        CliRun toWebhook = CliRun.run(environment, home, "switch-mode", "webhook", "--url", base());
        assertThat(toWebhook.exitCode()).as(toWebhook.err()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> !application.intake().isPoller());

        CliRun check = CliRun.run(environment, home, "webhook", "check");

        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("Webhook URL:  " + base() + "/telegram/747474");
    }

    @Test
    void nothingListeningIsAFailureSaidPlainly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun check = CliRun.run(environment, home, "webhook", "check", "--url", "http://127.0.0.1:" + closedPort);

        assertThat(check.exitCode()).isEqualTo(42);
        assertThat(check.out()).contains("no answer in").contains("connection refused");
    }

    @Test
    void withoutASecretThereIsNothingToCheck() {
        Map<String, String> noSecret = new HashMap<>(environment);
        noSecret.remove("SECRET_TOKEN");

        CliRun check = CliRun.run(noSecret, home, "webhook", "check", "--url", base());

        assertThat(check.exitCode()).isEqualTo(3);
        assertThat(check.err()).contains("SECRET_TOKEN: is required to check the webhook");
    }

    private String base() {
        return "http://127.0.0.1:" + application.httpPort();
    }

    private long count(String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
