package org.luvhive.sandbox.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.luvhive.bot.BotApplication;
import org.luvhive.core.LuvhiveException;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.StaticFiles;

/**
 * {@code /sandbox/...} on the emulator's port: the operator panel's figures
 * ({@code GET /sandbox/state}), its actions ({@code POST /sandbox/limits},
 * {@code POST /sandbox/mode}, {@code POST /sandbox/moderation}), and the page extension that draws it
 * ({@code /sandbox/sandbox.js}). Answers 503 until the bot is up. Thread-safe.
 */
public final class OperatorPanel implements HttpHandler {

    /** Where the panel is mounted on the emulator's server. */
    public static final String PATH = "/sandbox/";

    private final ObjectMapper mapper = new ObjectMapper();
    private final StaticFiles files = new StaticFiles("org/luvhive/sandbox/web", PATH, mapper);
    private final AtomicReference<Backend> backend = new AtomicReference<>();

    /** What the panel reads and changes, once the bot runs. */
    private record Backend(PanelState state, PanelActions actions) {
    }

    /** Connects the panel to the running bot. */
    public void attach(BotApplication application, EmulatedBot bot, LuvhiveConfig config) {
        backend.set(new Backend(new PanelState(application, bot, config, mapper),
                new PanelActions(application, config)));
    }

    /** The bot is stopping: answer 503 again. */
    public void detach() {
        backend.set(null);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String route = exchange.getRequestMethod() + " " + path.substring(PATH.length());
        if (!route.equals("GET state") && !route.equals("POST limits") && !route.equals("POST mode")
                && !route.equals("POST moderation")) {
            files.handle(exchange);
            return;
        }
        try (exchange) {
            Backend current = backend.get();
            if (current == null) {
                reply(exchange, 503, error("the bot is not running yet"));
                return;
            }
            try {
                JsonNode body = route.startsWith("POST") ? body(exchange) : mapper.createObjectNode();
                JsonNode result = switch (route) {
                    case "GET state" -> current.state().read();
                    case "POST limits" -> current.actions().setLimitsProfile(text(body, "profile"));
                    case "POST moderation" -> current.actions().setStrictness(text(body, "level"));
                    default -> current.actions().switchMode(text(body, "mode"));
                };
                reply(exchange, 200, mapper.createObjectNode().put("ok", true).set("result", result));
            } catch (IllegalArgumentException refused) {
                reply(exchange, 400, error(refused.getMessage()));
            } catch (LuvhiveException failed) {
                reply(exchange, 502, error(failed.getMessage()));
            }
        }
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(64 * 1024);
        try {
            return bytes.length == 0 ? mapper.createObjectNode() : mapper.readTree(bytes);
        } catch (IOException malformed) {
            throw new IllegalArgumentException("the body is not JSON");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return value.asText();
    }

    private ObjectNode error(String description) {
        return mapper.createObjectNode().put("ok", false).put("description", description);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
