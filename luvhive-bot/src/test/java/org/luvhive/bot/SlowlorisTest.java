package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.testing.Runners;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.net.Slowloris;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * Issue 18's slowloris against the running bot: 24 connections trickling a header a byte
 * at a time on each of its ports (no secret needed) while Telegram delivers updates and
 * an operator probes. Everything is answered; the slow connections take no thread.
 */
@ExtendWith(PostgresExtension.class)
class SlowlorisTest {

    private static final String TOKEN = "646464:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final String SECRET = "slowloris_test-secret";

    @TempDir
    Path home;

    @Test
    void webhookAndManagementEndpointsAnswerDuringASlowloris(TestDatabase database) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            emulator.bot(TOKEN);
            BotApplication application = Runners.echo(Runners.environment(database, emulator, TOKEN, home, Map.of(
                    "RUN_MODE", "webhook", "EXTERNAL_URL", "http://127.0.0.1:9/hooks", "SECRET_TOKEN", SECRET)), home);
            String webhook = "http://127.0.0.1:" + application.httpPort() + "/hooks/telegram/646464";
            String management = "http://127.0.0.1:" + application.managementPort();
            try (Slowloris onWebhook = new Slowloris(application.httpPort(), "/hooks/telegram/646464", 24,
                         Duration.ofMillis(200));
                 Slowloris onManagement = new Slowloris(application.managementPort(), "/readyz", 24,
                         Duration.ofMillis(200))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> onWebhook.open() == 24 && onManagement.open() == 24);

                for (long updateId = 770001; updateId <= 770005; updateId++) {
                    HttpResponse<String> delivered = http.send(HttpRequest.newBuilder(URI.create(webhook))
                            .header("X-Telegram-Bot-Api-Secret-Token", SECRET).timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(update(updateId))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(delivered.statusCode()).as("webhook delivery %d", updateId).isEqualTo(200);
                    for (String path : new String[] {"/healthz", "/metrics"}) {
                        assertThat(get(http, management + path).statusCode()).as(path).isEqualTo(200);
                    }
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> get(http, management + "/readyz").statusCode() == 200);

                long stored = database.jdbi().withHandle(handle -> handle.createQuery(
                        "select count(*) from inbox where update_id between 770001 and 770005").mapTo(Long.class).one());
                assertThat(stored).isEqualTo(5);
                assertThat(onWebhook.open()).as("the attack kept up its connections").isGreaterThanOrEqualTo(20);
                assertThat(onManagement.open()).isGreaterThanOrEqualTo(20);
            } finally {
                application.close();
            }
        }
    }

    private static String update(long updateId) {
        return "{\"update_id\": " + updateId + ", \"message\": {\"message_id\": " + updateId + ", \"date\": 1764410000, "
                + "\"chat\": {\"id\": 7, \"type\": \"private\"}, \"from\": {\"id\": 7, \"is_bot\": false, "
                + "\"first_name\": \"Slow\"}, \"text\": \"hello\"}}";
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
