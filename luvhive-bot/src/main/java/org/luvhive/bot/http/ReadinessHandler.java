package org.luvhive.bot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;

/**
 * {@code GET /readyz}: 200 {@code {"status":"ready","age_ms":..,"checks":{...}}} when the bot
 * serves and every check passed on its last run; else 503, {@code "status":"starting"} while
 * the bot's parts are still being started, {@code "not_ready"} naming the failing checks. Answers from the
 * {@link ReadinessMonitor}'s state, never by running a check, and says how old that state
 * is: {@code age_ms} of each check and of the oldest.
 */
final class ReadinessHandler implements HttpHandler {

    private final ReadinessMonitor monitor;
    private final ObjectMapper mapper = new ObjectMapper();

    ReadinessHandler(ReadinessMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!Responses.allow(exchange, Methods.GET)) {
            return;
        }
        ReadinessMonitor.Snapshot snapshot = monitor.snapshot();
        ObjectNode body = mapper.createObjectNode();
        boolean ready = snapshot.ready();
        body.put("status", ready ? "ready" : snapshot.serving() ? "not_ready" : "starting");
        snapshot.oldest().ifPresentOrElse(age -> body.put("age_ms", age.toMillis()), () -> body.putNull("age_ms"));
        ObjectNode checks = body.putObject("checks");
        for (ReadinessMonitor.State state : snapshot.states()) {
            ObjectNode node = checks.putObject(state.name());
            if (state.result().isEmpty()) {
                node.put("ok", false).putNull("age_ms").put("error", "not checked yet");
                continue;
            }
            ReadinessCheck.Result result = state.result().get();
            long age = snapshot.age(state).orElseThrow().toMillis();
            node.put("ok", result.ok() && !snapshot.isStale(state)).put("latency_ms", result.latencyMillis())
                    .put("age_ms", age);
            if (snapshot.isStale(state)) {
                node.put("error", "no result for " + age / 1000 + " s: the check hangs");
            } else if (!result.ok()) {
                node.put("error", result.error());
            }
        }
        Responses.json(exchange, ready ? 200 : 503, body.toString());
    }
}
