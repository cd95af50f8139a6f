package org.luvhive.bot.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.luvhive.core.config.Secret;
import org.luvhive.core.update.InboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram's webhook POSTs: the secret header compared in constant time (401 when wrong
 * or missing), bodies over 1 MiB refused (413), malformed JSON refused (400); a good
 * update is stored in the inbox and answered 200 at once — handling happens afterwards,
 * so Telegram never waits on a handler and never redelivers because of one.
 */
public final class WebhookHandler implements HttpHandler {

    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    public static final int MAX_BODY = 1024 * 1024;
    public static final String REQUESTS = "luvhive.webhook.requests";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

    private final Supplier<Optional<Secret>> secret;
    private final InboxStore inbox;
    private final MeterRegistry registry;

    public WebhookHandler(Supplier<Optional<Secret>> secret, InboxStore inbox, MeterRegistry registry) {
        this.secret = secret;
        this.inbox = inbox;
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Responses.allow(exchange, "POST")) {
                count("method");
                return;
            }
            Optional<Secret> expected = secret.get();
            String presented = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            if (expected.isEmpty() || !expected.get().matches(presented)) {
                count("unauthorized");
                Responses.json(exchange, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY);
            if (body == null) {
                count("too_large");
                Responses.json(exchange, 413, "{\"error\":\"body over 1 MiB\"}");
                return;
            }
            try {
                inbox.storeJson(new String(body, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                count("malformed");
                Responses.json(exchange, 400, "{\"error\":\"not a Telegram update\"}");
                return;
            } catch (RuntimeException storeFailure) {
                // not stored: a non-2xx makes Telegram deliver it again later
                count("store_failed");
                LOG.error("Webhook update not stored, Telegram will redeliver it: {}", storeFailure.getMessage());
                Responses.json(exchange, 503, "{\"error\":\"try again\"}");
                return;
            }
            count("stored");
            Responses.json(exchange, 200, "{}");
        }
    }

    private void count(String outcome) {
        registry.counter(REQUESTS, "outcome", outcome).increment();
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream input, int limit) throws IOException {
        byte[] body = input.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }
}
