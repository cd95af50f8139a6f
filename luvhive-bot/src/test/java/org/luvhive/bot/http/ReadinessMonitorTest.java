package org.luvhive.bot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luvhive.core.config.ListenAddress;
import org.luvhive.core.testing.ManualClock;

/** /readyz answers from the state the background checks keep, and says how old it is. */
class ReadinessMonitorTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private BotHttpServer server;
    private ReadinessMonitor monitor;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (monitor != null) {
            monitor.close();
        }
    }

    /** A check whose answer the test sets. */
    private static final class SwitchCheck implements ReadinessCheck {
        private final String name;
        private final AtomicBoolean ok = new AtomicBoolean(true);
        private final AtomicInteger runs = new AtomicInteger();

        SwitchCheck(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Result run() {
            runs.incrementAndGet();
            return ok.get() ? new Result(true, 3, null) : new Result(false, 5000, "connection refused");
        }
    }

    private String readyzUrl(ReadinessMonitor readiness) {
        HttpListener management = new HttpListener("management", new ListenAddress(InetAddress.getLoopbackAddress(), 0),
                HttpLimits.MANAGEMENT, new SimpleMeterRegistry()).route("/readyz", new ReadinessHandler(readiness));
        server = new BotHttpServer(List.of(management));
        server.start();
        return "http://127.0.0.1:" + server.port("management") + "/readyz";
    }

    private HttpResponse<String> probe(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A probe that gives up after a while: one that waited for a hanging check would never end. */
    private HttpResponse<String> probeWithTimeout(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAnswerSaysHowOldTheStateIsAndAStaleOneFails() throws Exception {
        ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");
        SwitchCheck database = new SwitchCheck("database");
        SwitchCheck telegram = new SwitchCheck("telegram");
        monitor = new ReadinessMonitor(List.of(new ReadinessMonitor.Scheduled(database, Duration.ofSeconds(2)),
                new ReadinessMonitor.Scheduled(telegram, Duration.ofSeconds(10))), clock, Duration.ofSeconds(30));
        String readyz = readyzUrl(monitor);

        HttpResponse<String> before = probe(readyz);
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(before.body()).isEqualTo("{\"status\":\"starting\",\"age_ms\":null,\"checks\":{"
                + "\"database\":{\"ok\":false,\"age_ms\":null,\"error\":\"not checked yet\"},"
                + "\"telegram\":{\"ok\":false,\"age_ms\":null,\"error\":\"not checked yet\"}}}");

        monitor.refresh(telegram);
        clock.advance(Duration.ofSeconds(4));
        monitor.refresh(database);
        clock.advance(Duration.ofMillis(1500));
        HttpResponse<String> starting = probe(readyz); // dependencies fine, intake and sending not started yet
        assertThat(starting.statusCode()).isEqualTo(503);
        assertThat(starting.body()).startsWith("{\"status\":\"starting\",\"age_ms\":5500,");

        monitor.markServing();
        HttpResponse<String> ready = probe(readyz);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"ready\",\"age_ms\":5500,\"checks\":{"
                + "\"database\":{\"ok\":true,\"latency_ms\":3,\"age_ms\":1500},"
                + "\"telegram\":{\"ok\":true,\"latency_ms\":3,\"age_ms\":5500}}}");

        database.ok.set(false);
        monitor.refresh(database);
        HttpResponse<String> down = probe(readyz);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"database\":{\"ok\":false,\"latency_ms\":5000,\"age_ms\":0,"
                + "\"error\":\"connection refused\"}");

        database.ok.set(true);
        monitor.refresh(database);
        clock.advance(Duration.ofSeconds(26)); // telegram's result is now 31.5 s old: its check hangs
        HttpResponse<String> stale = probe(readyz);
        assertThat(stale.statusCode()).isEqualTo(503);
        assertThat(stale.body()).contains("\"telegram\":{\"ok\":false,\"latency_ms\":3,\"age_ms\":31500,"
                + "\"error\":\"no result for 31 s: the check hangs\"}").contains("\"age_ms\":31500,\"checks\"");
    }

    @Test
    void aCheckThatHangsNeitherDelaysTheProbeNorTheOtherChecks() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ReadinessCheck hanging = new ReadinessCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public Result run() {
                try {
                    release.await(); // a database that does not answer until the test says so
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return new Result(true, 1, null);
            }
        };
        SwitchCheck telegram = new SwitchCheck("telegram");
        monitor = new ReadinessMonitor(List.of(new ReadinessMonitor.Scheduled(hanging, Duration.ofMillis(50)),
                new ReadinessMonitor.Scheduled(telegram, Duration.ofMillis(50))), Clock.systemUTC(),
                Duration.ofSeconds(30));
        String readyz = readyzUrl(monitor);
        probe(readyz); // the first request of the JVM loads classes: not what is timed here
        monitor.markServing();
        monitor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> telegram.runs.get() >= 3);
        // answered while the database check still hangs (it ends only on release)
        HttpResponse<String> hung = probeWithTimeout(readyz);
        assertThat(release.getCount()).as("the database check still hangs").isOne();
        assertThat(hung.statusCode()).isEqualTo(503);
        assertThat(hung.body()).contains("\"database\":{\"ok\":false,\"age_ms\":null,\"error\":\"not checked yet\"}")
                .contains("\"telegram\":{\"ok\":true");

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> probeWithTimeout(readyz).statusCode() == 200);
    }
}
