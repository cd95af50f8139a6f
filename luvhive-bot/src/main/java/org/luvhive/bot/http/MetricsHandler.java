package org.luvhive.bot.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;

/** {@code GET /metrics}: every meter in the Prometheus text format. */
final class MetricsHandler implements HttpHandler {

    private final PrometheusMeterRegistry registry;

    MetricsHandler(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Responses.allow(exchange, "GET")) {
            return;
        }
        Responses.send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }
}
