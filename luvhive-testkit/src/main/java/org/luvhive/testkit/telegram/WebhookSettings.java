package org.luvhive.testkit.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * How the emulator delivers updates to a webhook: how long it waits for an answer, and the
 * back-off after a failed delivery (doubling from {@code initialBackoff} up to
 * {@code maxBackoff}, reset by a success). Immutable and thread-safe.
 */
public record WebhookSettings(Duration requestTimeout, Duration initialBackoff, Duration maxBackoff) {

    public WebhookSettings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff, was "
                    + initialBackoff + " and " + maxBackoff);
        }
    }

    /** Like Telegram: a 60 s answer timeout, retries from 1 s backing off to 60 s. */
    public static WebhookSettings telegramDefaults() {
        return new WebhookSettings(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** Scaled down for tests: a 2 s answer timeout, retries from 50 ms backing off to 500 ms. */
    public static WebhookSettings fastForTests() {
        return new WebhookSettings(Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofMillis(500));
    }
}
