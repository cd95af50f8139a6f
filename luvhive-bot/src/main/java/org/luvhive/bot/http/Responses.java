package org.luvhive.bot.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;

/** Writing answers: a status, a content type, a body; the exchange ends once it is sent. */
final class Responses {

    private Responses() {
    }

    static void json(HttpServerExchange exchange, int status, String body) {
        send(exchange, status, "application/json; charset=utf-8", body);
    }

    static void send(HttpServerExchange exchange, int status, String contentType, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType).put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8); // asynchronous: no thread waits on the client
    }

    static void notFound(HttpServerExchange exchange) {
        json(exchange, 404, "{\"error\":\"not found\"}");
    }

    /** Every worker busy and the queue full: the caller should come back (Telegram redelivers). */
    static void busy(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        json(exchange, 503, "{\"error\":\"busy, try again\"}");
    }

    /** 405 unless the request uses {@code method}; returns whether it does. */
    static boolean allow(HttpServerExchange exchange, HttpString method) {
        if (exchange.getRequestMethod().equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().put(Headers.ALLOW, method.toString());
        json(exchange, 405, "{\"error\":\"method not allowed\"}");
        return false;
    }
}
