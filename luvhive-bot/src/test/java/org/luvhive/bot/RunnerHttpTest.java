package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.testing.Runners;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * The runner's HTTP side in webhook mode: the webhook on the public port, health, readiness
 * and metrics on the management port, and nothing of the one on the other.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunnerHttpTest {

    private static final String TOKEN = "616161:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final String SECRET = "s3cret_webhook-token";

    private TestDatabase database;
    private final HttpClient http = HttpClient.newHttpClient();
    private TelegramEmulator emulator;
    private EmulatedBot bot;
    private BotApplication application;

    @TempDir
    static Path home;

    @BeforeAll
    void start(TestDatabase database) {
        this.database = database;
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
        bot = emulator.bot(TOKEN);
        int port = freePort();
        Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home, Map.of(
                "RUN_MODE", "webhook", "PORT", String.valueOf(port),
                "EXTERNAL_URL", "http://127.0.0.1:" + port + "/hooks", "SECRET_TOKEN", SECRET));
        application = Runners.echo(environment, home);
        // the runner sets the webhook itself at start
        await().atMost(Duration.ofSeconds(30)).until(() -> bot.webhookStatus().url() != null
                && bot.webhookStatus().url().endsWith("/hooks/telegram/616161"));
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    @AfterAll
    void stop() {
        application.close();
        emulator.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(application.managementPort(), path);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String secret, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + application.httpPort() + "/hooks/telegram/616161"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthzAnswersWhileTheProcessServes() throws Exception {
        HttpResponse<String> response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"healthy\"").contains("\"uptime_s\":").contains("\"version\":");
    }

    @Test
    void readyzChecksTheDatabaseAndTelegram() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/readyz").statusCode() == 200);
        HttpResponse<String> response = get("/readyz");

        assertThat(response.body()).contains("\"status\":\"ready\"").contains("\"database\":{\"ok\":true")
                .contains("\"telegram\":{\"ok\":true").containsPattern("\"age_ms\":\\d+");
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(response.body()).contains("luvhive_db_query_seconds_bucket").contains("luvhive_intake_poller");
    }

    @Test
    void telegramsDeliveriesWithTheSecretAreHandled() {
        SimulatedUser user = bot.newUser("Hooked");
        user.sendCommand("start");

        user.sendText("via webhook");

        assertThat(user.awaitMessage(Duration.ofSeconds(15)).text()).isEqualTo("echo: via webhook");
        assertThat(application.intake().isPoller()).as("nobody polls in webhook mode").isFalse();
    }

    @Test
    void wrongOrMissingSecretIs401() throws Exception {
        byte[] update = "{\"update_id\": 990001}".getBytes();

        assertThat(post("wrong", update).statusCode()).isEqualTo(401);
        assertThat(post(null, update).statusCode()).isEqualTo(401);
        assertThat(post(SECRET.substring(1), update).statusCode()).isEqualTo(401);
        Long stored = database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from inbox where update_id = 990001").mapTo(Long.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void oversizedBodyIs413AndWhatCannotBeUnderstoodIsQuarantinedAndAnswered200() throws Exception {
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        assertThat(post(SECRET, huge).statusCode()).isEqualTo(413);
        // any other answer than 200 and Telegram would deliver them again, for ever
        assertThat(post(SECRET, "{not json".getBytes()).statusCode()).isEqualTo(200);
        assertThat(post(SECRET, "{\"no_update_id\": true}".getBytes()).statusCode()).isEqualTo(200);
        assertThat(post(SECRET, "{\"update_id\": 990003, \"message\": {\"message_id\": 1, \"date\": 1}}".getBytes())
                .statusCode()).as("a message without its chat").isEqualTo(200);
        List<String> quarantined = database.jdbi().withHandle(handle -> handle.createQuery(
                "select category from update_quarantine where source = 'webhook' order by id").mapTo(String.class).list());
        assertThat(quarantined).containsExactly("unreadable", "no_update_id", "incomplete");
    }

    @Test
    void aGoodUpdateIsStoredOnceAndAnsweredAtOnce() throws Exception {
        String update = "{\"update_id\": 990002, \"message\": {\"message_id\": 1, \"date\": 1764410000, "
                + "\"chat\": {\"id\": 5, \"type\": \"private\"}, \"from\": {\"id\": 5, \"is_bot\": false, "
                + "\"first_name\": \"X\"}, \"text\": \"/start\"}}";

        assertThat(post(SECRET, update.getBytes()).statusCode()).isEqualTo(200);
        assertThat(post(SECRET, update.getBytes()).statusCode()).as("a redelivery is fine").isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from inbox where update_id = 990002 and status = 'handled'").mapTo(Long.class).one()) == 1);
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(get(application.httpPort(), "/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void thePublicPortServesOnlyTheWebhook() throws Exception {
        assertThat(application.httpPort()).isNotEqualTo(application.managementPort());
        for (String operatorsOnly : new String[] {"/metrics", "/healthz", "/readyz"}) {
            HttpResponse<String> response = get(application.httpPort(), operatorsOnly);
            assertThat(response.statusCode()).as(operatorsOnly).isEqualTo(404);
            assertThat(response.body()).doesNotContain("luvhive_").doesNotContain("healthy").doesNotContain("ready");
        }
        assertThat(get(application.managementPort(), "/hooks/telegram/616161").statusCode())
                .as("nor does the management port take webhooks").isEqualTo(404);
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws Exception {
        assertThat(application.config().management().isLoopback()).isTrue();
        InetAddress external = externalAddress();
        assumeTrue(external != null, "this machine has no non-loopback address");
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(
                    new InetSocketAddress(external, application.managementPort()), 2000))
                    .isInstanceOf(ConnectException.class);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(external, application.httpPort()), 2000);
            assertThat(socket.isConnected()).as("the public port answers on every interface").isTrue();
        }
    }

    private static InetAddress externalAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (SocketException unknown) {
                        return false;
                    }
                }).flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address)
                .findFirst().orElse(null);
    }
}
