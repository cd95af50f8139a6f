package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes Bot API shaped JSON responses. Stateless and thread-safe. */
public final class HttpResponses {
    private HttpResponses() {
    }

    public static ObjectNode ok(ObjectMapper mapper, JsonNode result, String description) {
        ObjectNode body = mapper.createObjectNode();
        body.put("ok", true);
        body.set("result", result);
        if (description != null) {
            body.put("description", description);
        }
        return body;
    }

    public static ObjectNode error(ObjectMapper mapper, ApiError error) {
        ObjectNode body = mapper.createObjectNode();
        body.put("ok", false);
        body.put("error_code", error.errorCode());
        body.put("description", error.description());
        if (error.retryAfter() != null) {
            body.putObject("parameters").put("retry_after", error.retryAfter());
        }
        return body;
    }

    public static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
