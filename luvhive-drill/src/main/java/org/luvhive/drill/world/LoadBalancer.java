package org.luvhive.drill.world;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What stands between Telegram and the bot's public port in production: a proxy on
 * 127.0.0.1 forwarding every request to the bot, which a drill can break so that it
 * answers 500 to everything, as a failing load balancer or a crashed upstream would.
 * Thread-safe.
 */
public final class LoadBalancer implements AutoCloseable {

    private static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "drill-load-balancer");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int upstreamPort;
    private final AtomicBoolean failing = new AtomicBoolean();

    private LoadBalancer(HttpServer server, int upstreamPort) {
        this.server = server;
        this.upstreamPort = upstreamPort;
    }

    /** Listens on a free port, forwarding to {@code upstreamPort} on 127.0.0.1. */
    public static LoadBalancer start(int upstreamPort) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LoadBalancer balancer = new LoadBalancer(server, upstreamPort);
            server.createContext("/", balancer::handle);
            server.setExecutor(balancer.workers);
            server.start();
            return balancer;
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
    }

    /** {@code http://127.0.0.1:PORT}: the bot's public URL as Telegram knows it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on every request is answered 500 (true) or forwarded again (false). */
    public void failing(boolean fail) {
        failing.set(fail);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (failing.get()) {
                answer(exchange, 500, "upstream failed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + upstreamPort + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            String secret = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            if (secret != null) {
                request.header(SECRET_HEADER, secret);
            }
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer(exchange, response.statusCode(), response.body());
            } catch (IOException unreachable) {
                answer(exchange, 502, "upstream unreachable".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                answer(exchange, 503, "interrupted".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
