package org.luvhive.bot.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code GET /healthz}: 200 while the process serves; says nothing about its dependencies. */
final class HealthHandler implements HttpHandler {

    private final Clock clock;
    private final Instant started;
    private final String version;

    HealthHandler(Clock clock, String version) {
        this.clock = clock;
        this.started = clock.instant();
        this.version = version;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!Responses.allow(exchange, Methods.GET)) {
            return;
        }
        long uptime = Duration.between(started, clock.instant()).toSeconds();
        Responses.json(exchange, 200, "{\"status\":\"healthy\",\"uptime_s\":" + uptime + ",\"version\":\""
                + version.replace("\"", "") + "\"}");
    }
}
