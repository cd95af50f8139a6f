package org.luvhive.bot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.config.ListenAddress;
import org.luvhive.core.config.Secret;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.update.InboxStore;
import org.luvhive.testkit.net.TricklingClient;

/** The webhook under slow and oversized bodies: real sockets, a real inbox. */
@ExtendWith(PostgresExtension.class)
class WebhookHandlerTest {

    private static final String SECRET = "webhook_secret-1";
    private static final String PATH = "/telegram/4242";

    private final ServerFixture fixture = new ServerFixture();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HttpClient http = HttpClient.newHttpClient();
    private final TestDatabase database;

    WebhookHandlerTest(TestDatabase database) {
        this.database = database;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private int start(HttpLimits limits) {
        InboxStore inbox = new InboxStore(database.jdbi(), new ObjectMapper(), Clock.systemUTC(), registry, () -> { });
        HttpListener listener = new HttpListener("public", new ListenAddress(InetAddress.getLoopbackAddress(), 0),
                limits, registry);
        listener.suffixRoute(PATH, new WebhookHandler(() -> Optional.of(Secret.of(SECRET)), inbox, registry,
                listener.pool(), limits.bodyTimeout()));
        return fixture.start(listener);
    }

    private static String update(long updateId) {
        return "{\"update_id\": " + updateId + ", \"message\": {\"message_id\": 1, \"date\": 1764410000, "
                + "\"chat\": {\"id\": 5, \"type\": \"private\"}, \"from\": {\"id\": 5, \"is_bot\": false, "
                + "\"first_name\": \"X\"}, \"text\": \"hello\"}}";
    }

    private long stored(long updateId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select count(*) from inbox where update_id = :id")
                .bind("id", updateId).mapTo(Long.class).one());
    }

    private double outcomes(String outcome) {
        return registry.counter(WebhookHandler.REQUESTS, "outcome", outcome).count();
    }

    @Test
    void aBodyThatTricklesIsCutOffAtTheBodyTimeoutAndNothingIsStored() {
        HttpLimits limits = HttpLimits.PUBLIC.withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(500),
                Duration.ofSeconds(30));
        int port = start(limits);
        long started = System.nanoTime();
        TricklingClient slow = fixture.client(scheduler -> TricklingClient.slowBody(scheduler, port, PATH,
                WebhookHandler.SECRET_HEADER + ": " + SECRET + "\r\n", 500, Duration.ofMillis(50)));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(slow::closedByServer);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(outcomes("body_timeout")).isEqualTo(1);
        assertThat(outcomes("stored")).isZero();
    }

    @Test
    void slowBodiesNeverTakeAWorkerSoTelegramStillGetsThrough() throws Exception {
        // two workers and room for two more against twenty slow bodies
        int port = start(HttpLimits.PUBLIC.withCapacity(2, 2).withTimeouts(Duration.ofSeconds(10),
                Duration.ofMinutes(2), Duration.ofSeconds(30)));
        assertThat(post(port, 880000).statusCode()).as("warm-up").isEqualTo(200);
        for (int index = 0; index < 20; index++) {
            fixture.client(scheduler -> TricklingClient.slowBody(scheduler, port, PATH,
                    WebhookHandler.SECRET_HEADER + ": " + SECRET + "\r\n", 100_000, Duration.ofMillis(100)));
        }

        for (long updateId = 880001; updateId <= 880005; updateId++) {
            assertThat(post(port, updateId).statusCode()).isEqualTo(200);
            assertThat(stored(updateId)).isEqualTo(1);
        }
        assertThat(fixture.clients()).as("the slow bodies were still coming in").noneMatch(TricklingClient::closedByServer);
        assertThat(outcomes("stored")).isEqualTo(6);
    }

    private HttpResponse<String> post(int port, long updateId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header(WebhookHandler.SECRET_HEADER, SECRET).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(update(updateId))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChunkedBodyOverOneMebibyteIs413() throws Exception {
        int port = start(HttpLimits.PUBLIC);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        // 17 chunks of 64 KiB and no Content-Length: the limit must hold while the bytes come in
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header(WebhookHandler.SECRET_HEADER, SECRET)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(Collections.nCopies(17, chunk))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(outcomes("too_large")).isEqualTo(1);
    }

    @Test
    void anEmptyBodyIsRefusedAsMalformedAndNothingIsStoredOrQuarantined() throws Exception {
        int port = start(HttpLimits.PUBLIC);
        for (String body : new String[] {"", " \r\n"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                    .header(WebhookHandler.SECRET_HEADER, SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("body '%s'", body).isEqualTo(400);
        }

        assertThat(outcomes("empty")).isEqualTo(2);
        assertThat(rows("inbox")).isZero();
        assertThat(rows("update_quarantine")).isZero();
    }

    private long rows(String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select count(*) from " + table)
                .mapTo(Long.class).one());
    }
}
