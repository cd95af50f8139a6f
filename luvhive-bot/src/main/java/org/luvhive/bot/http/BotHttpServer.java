package org.luvhive.bot.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's one HTTP server (JDK), built from small one-method handlers: health,
 * readiness, metrics and Telegram's webhook. Port 0 picks a free one (tests). Thread-safe.
 */
public final class BotHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private BotHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static Builder builder(int port) {
        return new Builder(port);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Routes by exact path, and one route by path suffix (the webhook, whatever prefix a proxy adds). */
    public static final class Builder {
        private final int port;
        private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
        private String suffix;
        private HttpHandler suffixHandler;

        private Builder(int port) {
            this.port = port;
        }

        public Builder route(String path, HttpHandler handler) {
            routes.put(path, handler);
            return this;
        }

        public Builder suffixRoute(String pathSuffix, HttpHandler handler) {
            this.suffix = pathSuffix;
            this.suffixHandler = handler;
            return this;
        }

        public BotHttpServer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
                routes.forEach((path, handler) -> server.createContext(path, exchange -> {
                    if (!exchange.getRequestURI().getPath().equals(path)) {
                        Responses.json(exchange, 404, "{\"error\":\"not found\"}");
                        return;
                    }
                    handler.handle(exchange);
                }));
                server.createContext("/", exchange -> {
                    if (suffix != null && exchange.getRequestURI().getPath().endsWith(suffix)) {
                        suffixHandler.handle(exchange);
                    } else {
                        Responses.json(exchange, 404, "{\"error\":\"not found\"}");
                    }
                });
                ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
                    Thread thread = new Thread(runnable, "luvhive-http");
                    thread.setDaemon(true);
                    return thread;
                });
                server.setExecutor(executor);
                server.start();
                LOG.info("HTTP server on port {}: {}", server.getAddress().getPort(), routes.keySet());
                return new BotHttpServer(server, executor);
            } catch (IOException failure) {
                throw new UncheckedIOException("cannot listen on port " + port + ": " + failure.getMessage(), failure);
            }
        }
    }
}
