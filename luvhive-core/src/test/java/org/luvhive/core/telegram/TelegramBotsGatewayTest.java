package org.luvhive.core.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luvhive.core.config.BotToken;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The sender's calls all go out at once, a long poll open beside them: nothing inside
 * the HTTP client queues them (OkHttp's default dispatcher let 5 calls per host run and
 * queued the rest).
 */
class TelegramBotsGatewayTest {

    private static final BotToken TOKEN = BotToken.parse("123456:" + "A".repeat(35));
    private static final int SENDS = 12;

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final CountDownLatch answer = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newFixedThreadPool(SENDS + 1);
    private HttpServer server;
    private TelegramBotsGateway gateway;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(SENDS + 4));
        server.createContext("/", this::hold);
        server.start();
        gateway = new TelegramBotsGateway(TOKEN, URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        answer.countDown();
        callers.shutdownNow();
        gateway.close();
        server.stop(0);
    }

    /** Holds every call until the test lets them answer, counting how many are open at once. */
    private void hold(HttpExchange exchange) throws IOException {
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        try {
            answer.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        open.decrementAndGet();
        String body = exchange.getRequestURI().getPath().endsWith("/getUpdates")
                ? "{\"ok\":true,\"result\":[]}"
                : "{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1765000000,\"chat\":{\"id\":42,\"type\":\"private\"}}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void sendsGoOutTogetherWhileALongPollIsOpen() throws Exception {
        Future<?> poll = callers.submit(() -> gateway.execute(new FetchUpdates(0, 100, 50, List.of("message"))));
        List<Future<Message>> sends = new ArrayList<>();
        for (int i = 0; i < SENDS; i++) {
            sends.add(callers.submit(() -> gateway.execute(new SendMessage("42", "hello"))));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(mostOpen.get()).as("calls open at the server at once").isEqualTo(SENDS + 1));
        answer.countDown();

        for (Future<Message> send : sends) {
            assertThat(send.get(30, TimeUnit.SECONDS).getMessageId()).isEqualTo(7);
        }
        poll.get(30, TimeUnit.SECONDS);
    }
}
