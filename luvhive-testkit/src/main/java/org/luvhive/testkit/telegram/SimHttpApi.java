package org.luvhive.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.luvhive.testkit.telegram.internal.FileDownloadHandler;
import org.luvhive.testkit.telegram.internal.HttpResponses;
import org.luvhive.testkit.telegram.internal.MediaFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /sim/...} control API: the Java test API over HTTP, for scripts and other
 * languages (routes in luvhive-testkit/README.md). Bot-level routes are here, user and
 * group routes in {@link SimChatRoutes}. Thread-safe.
 */
final class SimHttpApi implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SimHttpApi.class);

    private final TelegramEmulator emulator;
    private final ObjectMapper mapper;
    private final SimChatRoutes chatRoutes;
    private final SimEventStream events;
    private final List<String> pageExtensions;

    SimHttpApi(TelegramEmulator emulator, ObjectMapper mapper, List<String> pageExtensions) {
        this.emulator = emulator;
        this.mapper = mapper;
        this.chatRoutes = new SimChatRoutes(mapper);
        this.events = new SimEventStream(mapper);
        this.pageExtensions = List.copyOf(pageExtensions);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                SimRequest request = SimRequest.read(exchange, mapper);
                if (streamed(exchange, request)) {
                    return;
                }
                JsonNode result = route(request);
                if (result == null) {
                    reply(exchange, 404, "no such /sim route: " + exchange.getRequestMethod() + " "
                            + exchange.getRequestURI().getPath());
                } else {
                    HttpResponses.send(exchange, 200, HttpResponses.ok(mapper, result, null));
                }
            } catch (MessageNotReceivedError e) {
                reply(exchange, 408, e.getMessage());
            } catch (IllegalArgumentException | IllegalStateException | IOException e) {
                reply(exchange, 400, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("/sim {} failed inside the emulator", exchange.getRequestURI().getPath(), e);
                reply(exchange, 500, "the emulator failed: " + e);
            }
        }
    }

    private void reply(HttpExchange exchange, int status, String description) throws IOException {
        ObjectNode body = mapper.createObjectNode().put("ok", false).put("error_code", status)
                .put("description", String.valueOf(description));
        HttpResponses.send(exchange, status, body);
    }

    /** The routes that answer with a stream or bytes rather than one JSON document. */
    private boolean streamed(HttpExchange exchange, SimRequest request) throws IOException {
        if (request.is("GET", "bots", "*", "events")) {
            events.serve(exchange, emulator.botById(request.pathLong(1)));
            return true;
        }
        if (request.is("GET", "bots", "*", "files", "*")) {
            Optional<MediaFactory.StoredFile> file = emulator.botById(request.pathLong(1)).file(request.path.get(3));
            if (file.isEmpty()) {
                reply(exchange, 404, "no file " + request.path.get(3));
            } else {
                FileDownloadHandler.sendFile(exchange, file.get());
            }
            return true;
        }
        return false;
    }

    private JsonNode route(SimRequest request) {
        if (request.is("GET", "health")) {
            return mapper.createObjectNode().put("base_url", emulator.baseUrl());
        }
        if (request.is("GET", "ui")) {
            ObjectNode ui = mapper.createObjectNode();
            pageExtensions.forEach(ui.putArray("extensions")::add);
            return ui;
        }
        if (request.is("GET", "bots")) {
            ArrayNode bots = mapper.createArrayNode();
            emulator.bots().forEach(bot -> bots.add(botJson(bot)));
            return bots;
        }
        if (request.is("POST", "bots")) {
            return botJson(emulator.bot(request.text("token"), request.textOr("username", null),
                    request.textOr("first_name", null)));
        }
        if (request.path.size() < 3 || !request.path.get(0).equals("bots")) {
            return null;
        }
        EmulatedBot bot = emulator.botById(request.pathLong(1));
        String resource = request.path.get(2);
        if (resource.equals("users") || resource.equals("groups")) {
            return chatRoutes.route(bot, request);
        }
        return botRoute(bot, request);
    }

    private JsonNode botRoute(EmulatedBot bot, SimRequest request) {
        if (request.is("GET", "bots", "*", "stats")) {
            return mapper.valueToTree(bot.stats());
        }
        if (request.is("POST", "bots", "*", "stats", "reset")) {
            bot.resetStats();
            return mapper.getNodeFactory().booleanNode(true);
        }
        if (request.is("GET", "bots", "*", "requests")) {
            ArrayNode log = mapper.createArrayNode();
            long sinceMillis = Long.parseLong(request.query.getOrDefault("since_ms", "0"));
            bot.requestLog().stream().filter(entry -> entry.at().toEpochMilli() >= sinceMillis).forEach(entry ->
                    log.addObject().put("at_ms", entry.at().toEpochMilli()).put("at", entry.at().toString())
                            .put("method", entry.method()).put("chat_id", entry.chatId())
                            .put("status", entry.status()).put("delivered", entry.delivered()));
            return log;
        }
        if (request.is("GET", "bots", "*", "webhook")) {
            return mapper.valueToTree(bot.webhookStatus());
        }
        if (request.is("GET", "bots", "*", "limits")) {
            return limitsJson(bot.limits());
        }
        if (request.is("POST", "bots", "*", "limits")) {
            bot.setLimits(limits(bot.limits(), request.body));
            return limitsJson(bot.limits());
        }
        if (request.is("POST", "bots", "*", "faults")) {
            addFault(bot, request.body);
            return mapper.createObjectNode().put("active_rules", bot.faults().activeRules());
        }
        if (request.is("DELETE", "bots", "*", "faults")) {
            bot.faults().clear();
            return mapper.createObjectNode().put("active_rules", 0);
        }
        if (request.is("POST", "bots", "*", "raw-updates")) {
            if (!request.body.path("raw").isTextual()) {
                throw new IllegalArgumentException("a raw update needs \"raw\": the update's text");
            }
            int updateId = bot.injectRawUpdate(request.body.path("type").asText("message"), request.body.get("raw").asText());
            return mapper.createObjectNode().put("update_id", updateId);
        }
        return null;
    }

    private ObjectNode botJson(EmulatedBot bot) {
        return mapper.createObjectNode().put("id", bot.id()).put("username", bot.username());
    }

    private ObjectNode limitsJson(EmulatorLimits limits) {
        return mapper.createObjectNode().put("enabled", limits.enabled())
                .put("global_per_second", limits.globalPerSecond()).put("global_burst", limits.globalBurst())
                .put("chat_per_second", limits.chatPerSecond()).put("chat_burst", limits.chatBurst())
                .put("group_per_minute", limits.groupPerMinute()).put("group_burst", limits.groupBurst())
                .put("penalty_extension_ms", limits.penaltyExtension().toMillis());
    }

    private static EmulatorLimits limits(EmulatorLimits current, JsonNode body) {
        return new EmulatorLimits(body.path("enabled").asBoolean(current.enabled()),
                body.path("global_per_second").asDouble(current.globalPerSecond()),
                body.path("global_burst").asInt(current.globalBurst()),
                body.path("chat_per_second").asDouble(current.chatPerSecond()),
                body.path("chat_burst").asInt(current.chatBurst()),
                body.path("group_per_minute").asDouble(current.groupPerMinute()),
                body.path("group_burst").asInt(current.groupBurst()),
                body.has("penalty_extension_ms") ? Duration.ofMillis(body.get("penalty_extension_ms").asLong())
                        : current.penaltyExtension());
    }

    private static void addFault(EmulatedBot bot, JsonNode body) {
        Fault fault;
        if (body.path("drop").asBoolean(false)) {
            fault = Fault.dropConnection();
        } else if (body.has("delay_ms")) {
            fault = Fault.delay(Duration.ofMillis(body.get("delay_ms").asLong()));
        } else if (body.path("error_code").asInt(0) == 429) {
            fault = Fault.tooManyRequests(body.path("retry_after").asInt(1));
        } else if (body.has("error_code")) {
            int code = body.get("error_code").asInt();
            fault = Fault.error(code, body.path("description").asText(defaultDescription(code)));
        } else {
            throw new IllegalArgumentException("a fault needs error_code, delay_ms or drop");
        }
        String method = body.hasNonNull("method") ? body.get("method").asText() : null;
        Long chatId = body.hasNonNull("chat_id") ? body.get("chat_id").asLong() : null;
        Duration duration = body.has("duration_ms") ? Duration.ofMillis(body.get("duration_ms").asLong()) : null;
        int times = body.path("times").asInt(duration == null ? 1 : Integer.MAX_VALUE);
        bot.faults().add(method, chatId, times, duration, fault);
    }

    private static String defaultDescription(int code) {
        return switch (code) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 403 -> "Forbidden: bot was blocked by the user";
            case 400 -> "Bad Request: injected fault";
            default -> "Injected fault";
        };
    }
}
