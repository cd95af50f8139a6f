package org.luvhive.bot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /readyz}: 200 {@code {"status":"ready","checks":{...}}} when every check
 * passes, else 503 naming the failing ones; each check reports its latency.
 */
final class ReadinessHandler implements HttpHandler {

    private final List<ReadinessCheck> checks;
    private final ObjectMapper mapper = new ObjectMapper();

    ReadinessHandler(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Responses.allow(exchange, "GET")) {
            return;
        }
        ObjectNode body = mapper.createObjectNode();
        ObjectNode results = mapper.createObjectNode();
        boolean ready = true;
        for (ReadinessCheck check : checks) {
            ReadinessCheck.Result result = check.run();
            ObjectNode node = results.putObject(check.name()).put("ok", result.ok()).put("latency_ms", result.latencyMillis());
            if (!result.ok()) {
                node.put("error", result.error());
                ready = false;
            }
        }
        body.put("status", ready ? "ready" : "not_ready");
        body.set("checks", results);
        Responses.json(exchange, ready ? 200 : 503, body.toString());
    }
}
