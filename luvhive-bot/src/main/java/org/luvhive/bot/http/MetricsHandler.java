package org.luvhive.bot.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;

/** {@code GET /metrics}: every meter in the Prometheus text format. */
final class MetricsHandler implements HttpHandler {

    private final PrometheusMeterRegistry registry;

    MetricsHandler(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!Responses.allow(exchange, Methods.GET)) {
            return;
        }
        Responses.send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }
}
