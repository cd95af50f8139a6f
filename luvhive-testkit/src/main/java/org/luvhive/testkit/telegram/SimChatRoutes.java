package org.luvhive.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The {@code /sim/bots/{id}/users/...} and {@code .../groups/...} routes. Stateless and thread-safe. */
final class SimChatRoutes {
    private static final Duration DEFAULT_AWAIT = Duration.ofSeconds(10);

    private final ObjectMapper mapper;

    SimChatRoutes(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    JsonNode route(EmulatedBot bot, SimRequest request) {
        if (request.is("POST", "bots", "*", "users")) {
            String firstName = request.text("first_name");
            SimulatedUser user = request.body.hasNonNull("id")
                    ? bot.newUser(request.body.get("id").asLong(), firstName, request.textOr("language_code", "en"))
                    : bot.newUser(firstName);
            return mapper.createObjectNode().put("id", user.id()).put("first_name", user.firstName());
        }
        if (request.is("GET", "bots", "*", "users")) {
            ArrayNode users = mapper.createArrayNode();
            bot.users().forEach(user -> users.add(user.summary()));
            return users;
        }
        if (request.is("POST", "bots", "*", "groups")) {
            SimulatedGroup group = bot.newGroup(request.text("title"));
            return mapper.createObjectNode().put("id", group.id()).put("title", group.title());
        }
        if (request.path.size() < 5) {
            return null;
        }
        String action = request.path.get(4);
        if (request.path.get(2).equals("users")) {
            return userRoute(bot.user(request.pathLong(3)), request, action);
        }
        return groupRoute(bot, bot.group(request.pathLong(3)), request, action);
    }

    private JsonNode userRoute(SimulatedUser user, SimRequest request, String action) {
        switch (request.method + " " + action) {
            case "POST send":
                return send(user, request.body).json();
            case "POST edit":
                return user.edit(request.body.path("message_id").asInt(), request.text("text")).json();
            case "POST press":
                return press(user, request);
            case "POST pay":
                return pay(user, request.body.path("message_id").asInt());
            case "POST block":
                user.blockBot();
                return mapper.getNodeFactory().booleanNode(true);
            case "POST unblock":
                user.unblockBot();
                return mapper.getNodeFactory().booleanNode(true);
            case "GET messages":
                return messages(request.query.containsKey("all") ? user.history() : user.received());
            case "GET await":
                return user.awaitMessage(filter(request), request.timeout(DEFAULT_AWAIT)).json();
            default:
                return null;
        }
    }

    private JsonNode groupRoute(EmulatedBot bot, SimulatedGroup group, SimRequest request, String action) {
        switch (request.method + " " + action) {
            case "POST join":
                return group.join(bot.user(request.body.path("user_id").asLong())).json();
            case "POST send":
                SimulatedUser from = bot.user(request.body.path("user_id").asLong());
                return request.body.has("command") ? group.sendCommand(from, request.text("command")).json()
                        : group.sendText(from, request.text("text")).json();
            case "GET messages":
                return messages(request.query.containsKey("all") ? group.history() : group.received());
            case "GET await":
                return group.awaitMessage(filter(request), request.timeout(DEFAULT_AWAIT)).json();
            default:
                return null;
        }
    }

    private static ChatMessage send(SimulatedUser user, JsonNode body) {
        if (body.has("command")) {
            String command = body.get("command").asText();
            return body.has("args") ? user.sendCommand(command, body.get("args").asText()) : user.sendCommand(command);
        }
        if (body.has("text")) {
            return body.has("reply_to_message_id")
                    ? user.reply(body.get("reply_to_message_id").asInt(), body.get("text").asText())
                    : user.sendText(body.get("text").asText());
        }
        if (body.has("media")) {
            MediaKind kind = MediaKind.valueOf(body.get("media").asText().toUpperCase(Locale.ROOT));
            return user.sendMedia(kind, body.hasNonNull("caption") ? body.get("caption").asText() : null);
        }
        if (body.has("location")) {
            return user.sendLocation(body.get("location").path("latitude").asDouble(),
                    body.get("location").path("longitude").asDouble());
        }
        if (body.has("contact")) {
            return user.sendContact(body.get("contact").path("phone_number").asText(),
                    body.get("contact").path("first_name").asText());
        }
        throw new IllegalArgumentException("send needs one of text, command, media, location, contact");
    }

    private JsonNode press(SimulatedUser user, SimRequest request) {
        int messageId = request.body.path("message_id").asInt();
        ChatMessage message = user.history().stream().filter(candidate -> candidate.messageId() == messageId)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
        ButtonPress press = user.press(message, request.text("callback_data"));
        ObjectNode result = mapper.createObjectNode().put("callback_query_id", press.queryId());
        if (request.body.has("wait_ms")) {
            CallbackAnswer answer = press.awaitAnswer(Duration.ofMillis(request.body.get("wait_ms").asLong()));
            result.putObject("answer").put("text", answer.text()).put("show_alert", answer.showAlert())
                    .put("url", answer.url());
        }
        return result;
    }

    private JsonNode pay(SimulatedUser user, int messageId) {
        ChatMessage invoice = user.received().stream().filter(candidate -> candidate.messageId() == messageId)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no invoice message " + messageId));
        PaymentOutcome outcome = user.pay(invoice);
        return mapper.createObjectNode().put("status", outcome.status().name())
                .put("telegram_payment_charge_id", outcome.chargeId()).put("error_message", outcome.errorMessage());
    }

    private static Predicate<ChatMessage> filter(SimRequest request) {
        String contains = request.query.get("contains");
        return contains == null ? message -> true : message -> message.text().contains(contains);
    }

    private ArrayNode messages(List<ChatMessage> messages) {
        ArrayNode array = mapper.createArrayNode();
        messages.forEach(message -> array.add(message.json()));
        return array;
    }
}
