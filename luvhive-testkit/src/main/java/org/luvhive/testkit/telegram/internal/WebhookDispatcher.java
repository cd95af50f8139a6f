package org.luvhive.testkit.telegram.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.luvhive.testkit.telegram.WebhookSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one bot's pending updates to its webhook: one update per POST, up to
 * max_connections at once, one at a time per chat so a chat's updates arrive in order,
 * pausing with a doubling back-off after a failure. Thread-safe; runs its own daemon thread.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final UpdateQueue queue;
    private final HttpClient httpClient;
    private final WebhookSettings settings;
    private final Clock clock;
    private final String botLabel;
    private final AtomicReference<Duration> nextBackoff;
    private final Thread thread;

    public WebhookDispatcher(UpdateQueue queue, HttpClient httpClient, WebhookSettings settings, Clock clock,
                             String botLabel) {
        this.queue = queue;
        this.httpClient = httpClient;
        this.settings = settings;
        this.clock = clock;
        this.botLabel = botLabel;
        this.nextBackoff = new AtomicReference<>(settings.initialBackoff());
        this.thread = new Thread(this::run, "webhook-" + botLabel);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            UpdateQueue.Delivery delivery;
            while ((delivery = queue.claimDelivery()) != null) {
                send(delivery);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(UpdateQueue.Delivery delivery) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.webhook().url()))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.update().text()));
        } catch (IllegalArgumentException e) {
            finish(delivery, "Bad webhook URL");
            return;
        }
        if (delivery.webhook().secretToken() != null) {
            request.header(SECRET_HEADER, delivery.webhook().secretToken());
        }
        httpClient.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> finish(delivery,
                        failure != null ? describe(failure) : statusError(response.statusCode())));
    }

    private static String statusError(int status) {
        if (status >= 200 && status < 300) {
            return null;
        }
        return "Wrong response from the webhook: " + status + " " + reasonPhrase(status);
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "Read timeout expired";
        }
        if (cause instanceof ConnectException) {
            return "Connection refused";
        }
        if (cause instanceof IOException) {
            return "Connection reset by peer";
        }
        return "Failed to deliver the update: " + cause.getClass().getSimpleName();
    }

    private void finish(UpdateQueue.Delivery delivery, String error) {
        Duration backoff = Duration.ZERO;
        if (error == null) {
            nextBackoff.set(settings.initialBackoff());
        } else {
            backoff = nextBackoff.getAndUpdate(current -> {
                Duration doubled = current.isZero() ? Duration.ofMillis(1) : current.multipliedBy(2);
                return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
            });
            LOG.debug("Webhook delivery of update {} for bot {} failed: {}; retrying in {}",
                    delivery.update().updateId(), botLabel, error, backoff);
        }
        queue.completeDelivery(delivery.update(), error, clock.instant().getEpochSecond(), backoff);
    }

    @Override
    public void close() {
        queue.close();
        thread.interrupt();
    }
}
