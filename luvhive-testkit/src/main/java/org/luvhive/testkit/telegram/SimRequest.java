package org.luvhive.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code /sim/...} request: method, path segments after {@code /sim}, query and JSON body.
 * Not thread-safe; lives for one request.
 */
final class SimRequest {
    final String method;
    final List<String> path;
    final Map<String, String> query;
    final JsonNode body;

    private SimRequest(String method, List<String> path, Map<String, String> query, JsonNode body) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.body = body;
    }

    static SimRequest read(HttpExchange exchange, ObjectMapper mapper) throws IOException {
        String rawPath = exchange.getRequestURI().getPath().substring("/sim".length());
        List<String> segments = List.of(rawPath.split("/")).stream().filter(segment -> !segment.isEmpty()).toList();
        Map<String, String> query = new HashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonNode body = bytes.length == 0 ? mapper.createObjectNode() : mapper.readTree(bytes);
        return new SimRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), segments, query, body);
    }

    boolean is(String httpMethod, String... pattern) {
        if (!method.equals(httpMethod) || path.size() != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    long pathLong(int index) {
        try {
            return Long.parseLong(path.get(index));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in the path: " + path.get(index));
        }
    }

    String text(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return node.asText();
    }

    String textOr(String field, String fallback) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? fallback : node.asText();
    }

    Duration timeout(Duration fallback) {
        String millis = query.getOrDefault("timeout_ms", body.path("timeout_ms").asText(""));
        return millis.isEmpty() ? fallback : Duration.ofMillis(Long.parseLong(millis));
    }
}
