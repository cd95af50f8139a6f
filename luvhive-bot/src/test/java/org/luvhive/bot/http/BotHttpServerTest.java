package org.luvhive.bot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.undertow.server.HttpHandler;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luvhive.bot.intake.IntakeControl;
import org.luvhive.core.config.ListenAddress;
import org.luvhive.testkit.net.TricklingClient;

/** The server itself, on real sockets: slow clients, timeouts, the bounded queue, binding. */
class BotHttpServerTest {

    private static final HttpHandler OK = exchange -> Responses.json(exchange, 200, "{\"ok\":true}");

    private final ServerFixture fixture = new ServerFixture();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpListener listener(String name, HttpLimits limits) {
        return new HttpListener(name, new ListenAddress(InetAddress.getLoopbackAddress(), 0), limits, registry);
    }

    private int start(HttpListener listener) {
        return fixture.start(listener);
    }

    /**
     * A GET that must be answered within {@code within}: generous, so a busy machine makes
     * it, yet well short of what a request stuck behind the slow clients would take.
     */
    private HttpResponse<String> timedGet(int port, String path, Duration within) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(within.plusSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("GET " + path + " answered in").isLessThan(within);
        return response;
    }

    @Test
    void aSlowlorisOfManyConnectionsLeavesTheWorkersFree() throws Exception {
        // headers may trickle for a minute: a request stuck behind them would wait that long
        int port = start(listener("test", HttpLimits.MANAGEMENT.withCapacity(2, 4).withTimeouts(Duration.ofMinutes(1),
                Duration.ofMinutes(1), Duration.ofMinutes(1))).route("/ok", OK));
        for (int index = 0; index < 24; index++) {
            fixture.client(scheduler -> TricklingClient.slowHeaders(scheduler, port, "/ok", Duration.ofMillis(100)));
        }

        for (int request = 0; request < 10; request++) {
            assertThat(timedGet(port, "/ok", Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
        }
        assertThat(fixture.clients()).as("the slow clients were still sending all along").noneMatch(TricklingClient::closedByServer);
    }

    @Test
    void headersThatNeverEndAreCutOffAtTheHeaderTimeout() throws Exception {
        HttpLimits limits = HttpLimits.MANAGEMENT.withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
        int port = start(listener("test", limits).route("/ok", OK));
        long started = System.nanoTime();
        TricklingClient slow = fixture.client(scheduler -> TricklingClient.slowHeaders(scheduler, port, "/ok",
                Duration.ofMillis(50)));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(slow::closedByServer);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(timedGet(port, "/ok", Duration.ofSeconds(10)).statusCode()).as("others are served").isEqualTo(200);
    }

    @Test
    void aRouteThatTakesNoBodyAnswersAndClosesInsteadOfWaitingForOne() {
        // the body timeout is two minutes: what ends this connection sooner is the route taking no body
        int port = start(listener("test", HttpLimits.MANAGEMENT.withTimeouts(Duration.ofSeconds(5),
                Duration.ofMinutes(2), Duration.ofMinutes(2))).route("/ok", OK));
        TricklingClient slow = fixture.client(scheduler -> TricklingClient.slowBody(scheduler, port, "/ok", "",
                1_000_000, Duration.ofMillis(100)));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(slow::closedByServer);
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheIdleTimeout() {
        HttpLimits limits = HttpLimits.MANAGEMENT.withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofMillis(500));
        int port = start(listener("test", limits).route("/ok", OK));
        TricklingClient silent = fixture.client(scheduler -> TricklingClient.silent(scheduler, port));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(silent::closedByServer);
    }

    @Test
    void withEveryWorkerBusyAndTheQueueFullTheNextRequestIs503AtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        HttpHandler blocking = exchange -> {
            entered.countDown();
            release.await(60, TimeUnit.SECONDS); // far longer than the refused request may take
            Responses.json(exchange, 200, "{}");
        };
        int port = start(listener("test", HttpLimits.MANAGEMENT.withCapacity(1, 1))
                .route("/block", blocking).route("/ok", OK));
        HttpRequest block = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/block")).build();
        CompletableFuture<HttpResponse<String>> running = http.sendAsync(block, HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(30, TimeUnit.SECONDS)).as("the worker took the first request").isTrue();
        CompletableFuture<HttpResponse<String>> queued = http.sendAsync(block, HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.get(WorkerPool.QUEUED).gauge().value() == 1);

        HttpResponse<String> refused = timedGet(port, "/ok", Duration.ofSeconds(10));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(refused.body()).contains("busy");
        assertThat(registry.get(WorkerPool.REJECTED).tag("listener", "test").counter().count()).isEqualTo(1);
        release.countDown();
        assertThat(running.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(queued.get(30, TimeUnit.SECONDS).statusCode()).as("the queued one waited its turn").isEqualTo(200);
    }

    @Test
    void thePublicPortHasRoomForEveryConnectionTelegramOpens() {
        assertThat(HttpLimits.PUBLIC.workerThreads() + HttpLimits.PUBLIC.queueCapacity())
                .isGreaterThanOrEqualTo(IntakeControl.MAX_CONNECTIONS);
    }

    @Test
    void aPortInUseStopsTheStartAndLeavesNothingBound() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HttpListener first = listener("first", HttpLimits.MANAGEMENT).route("/ok", OK);
            HttpListener second = new HttpListener("second",
                    new ListenAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort()), HttpLimits.MANAGEMENT,
                    registry).route("/ok", OK);
            BotHttpServer both = new BotHttpServer(List.of(first, second));

            assertThatThrownBy(both::start).isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (second HTTP): ");
            assertThatThrownBy(() -> both.port("first")).as("the first listener was closed again")
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
