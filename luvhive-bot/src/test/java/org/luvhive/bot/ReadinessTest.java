package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.testing.Runners;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * /readyz follows the database down and back up, without a restart of the bot, and
 * answers within 0.5 s all the while: from the state its background checks keep, never
 * by waiting on the database itself.
 */
class ReadinessTest {

    private static final String TOKEN = "676767:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

    @TempDir
    Path home;

    @TempDir
    Path pgdata;

    private static EmbeddedPostgres postgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    /**
     * One probe, answered from the state the checks keep: sooner than the 5 s the database
     * check waits on the pool, however busy the machine (it does not wait for a check).
     */
    private static HttpResponse<String> timed(HttpClient http, HttpRequest request) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("/readyz answered in")
                .isLessThan(Duration.ofSeconds(4));
        return response;
    }

    @Test
    void readyzTurns503WhenTheDatabaseStopsAnd200WhenItReturns() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres database = postgres(pgdata, port);
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            emulator.bot(TOKEN);
            Map<String, String> environment = new HashMap<>();
            environment.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:" + port + "/postgres");
            environment.put("BOT_TOKEN", TOKEN);
            environment.put("TELEGRAM_API_URL", emulator.baseUrl());
            environment.put("LUVHIVE_HOME", home.toString());
            environment.put("PORT", "0");
            environment.put("MANAGEMENT_PORT", "0");
            BotApplication application = Runners.echo(environment, home);
            try {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest readyz = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + application.managementPort() + "/readyz")).build();
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        http.send(readyz, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

                database.close();
                await().atMost(Duration.ofSeconds(30)).until(() -> timed(http, readyz).statusCode() == 503);
                String down = timed(http, readyz).body();
                assertThat(down).contains("\"status\":\"not_ready\"").contains("\"database\":{\"ok\":false")
                        .contains("\"telegram\":{\"ok\":true").containsPattern("\"age_ms\":\\d+");
                for (int probe = 0; probe < 10; probe++) { // the database check waits 5 s on the pool each time
                    assertThat(timed(http, readyz).statusCode()).isEqualTo(503);
                }

                database = postgres(pgdata, port);
                await().atMost(Duration.ofSeconds(60)).until(() -> timed(http, readyz).statusCode() == 200);
            } finally {
                application.close();
            }
        } finally {
            database.close();
        }
    }
}
