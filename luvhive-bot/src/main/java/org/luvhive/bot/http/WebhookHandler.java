package org.luvhive.bot.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.luvhive.core.config.Secret;
import org.luvhive.core.update.InboxStore;
import org.luvhive.core.update.WebhookGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * Telegram's webhook POSTs: the secret header compared in constant time (401 when wrong
 * or missing), bodies over 1 MiB refused (413); an update is stored in the inbox (or, when
 * it cannot be stored or understood, in the quarantine) and answered 200 at once (posts
 * arriving together are stored together: {@link WebhookGroups}) —
 * an empty body, which Telegram never sends, is refused (400) and stored nowhere —
 * handling happens afterwards, so Telegram never waits on a handler and never redelivers
 * because of one. While the database is down the answer is 503, so Telegram keeps it.
 * <p>
 * The method, the secret and the body are dealt with on the I/O thread without blocking
 * (the body must arrive within the listener's body timeout); only a complete, authorised
 * body takes a worker, for the insert. Thread-safe.
 */
final class WebhookHandler implements HttpHandler {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    static final int MAX_BODY = 1024 * 1024;
    static final String REQUESTS = "luvhive.webhook.requests";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

    private final Supplier<Optional<Secret>> secret;
    private final WebhookGroups inbox;
    private final MeterRegistry registry;
    private final WorkerPool pool;
    private final Duration bodyTimeout;

    WebhookHandler(Supplier<Optional<Secret>> secret, InboxStore inbox, MeterRegistry registry, WorkerPool pool,
                   Duration bodyTimeout) {
        this.secret = secret;
        this.inbox = new WebhookGroups(inbox); // posts arriving together share an insert and a commit
        this.registry = registry;
        this.pool = pool;
        this.bodyTimeout = bodyTimeout;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!Responses.allow(exchange, Methods.POST)) {
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
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize(MAX_BODY); // a larger Content-Length, or more bytes than that, fails at once
        BodyDeadline deadline = BodyDeadline.arm(exchange, bodyTimeout, () -> count("body_timeout"));
        receiver.receiveFullBytes((received, body) -> {
            if (deadline.disarm()) {
                pool.dispatch(received, worker -> store(worker, body));
            }
        }, (failed, error) -> {
            if (!deadline.disarm()) {
                return;
            }
            if (error instanceof Receiver.RequestToLargeException) {
                count("too_large");
                Responses.json(failed, 413, "{\"error\":\"body over 1 MiB\"}");
            } else {
                count("aborted"); // the client went away mid-body
                IoUtils.safeClose(failed.getConnection());
            }
        });
    }

    /**
     * On a worker: the insert, then the answer. An update that cannot be stored or
     * understood is quarantined and answered 200 too: any other answer makes Telegram
     * deliver it again, for ever, and hold back what comes after it.
     */
    private void store(HttpServerExchange exchange, byte[] body) {
        if (blank(body)) {
            // Telegram never posts an empty body; `luvhive webhook check` sends one to tell
            // this endpoint (400, nothing stored) from anything else answering at the URL
            count("empty");
            Responses.json(exchange, 400, "{\"error\":\"empty body\"}");
            return;
        }
        InboxStore.Outcome outcome;
        try {
            outcome = inbox.store(body);
        } catch (RuntimeException storeFailure) {
            // not stored: a non-2xx makes Telegram deliver it again later
            count("store_failed");
            LOG.error("Webhook update not stored, Telegram will redeliver it: {}", storeFailure.getMessage());
            Responses.json(exchange, 503, "{\"error\":\"try again\"}");
            return;
        }
        count(outcome == InboxStore.Outcome.QUARANTINED ? "quarantined" : "stored");
        Responses.json(exchange, 200, "{}");
    }

    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private void count(String outcome) {
        registry.counter(REQUESTS, "outcome", outcome).increment();
    }
}
