package org.luvhive.core.delivery;

import java.time.Duration;

/**
 * How the outbox sender runs.
 *
 * @param maxInFlight     calls to Telegram at once (Telegram answers in 50-300 ms, so a
 *                        few in flight keep 30/s without waiting on each answer); 0 turns
 *                        sending off on this instance
 * @param lease           how long a claimed row stays claimed; a sender that dies mid-send
 *                        leaves the row to be retried after this
 * @param idlePoll        how often an idle sender looks for rows queued by other instances
 * @param maxAttempts     attempts after transient failures (5xx, network) before parking
 * @param firstRetry      the first back-off after a transient failure; it doubles, with jitter
 * @param maxRetry        the longest back-off
 * @param globalWindow    429s from two chats within this window pause everything
 */
public record SenderSettings(int maxInFlight, Duration lease, Duration idlePoll, int maxAttempts,
                             Duration firstRetry, Duration maxRetry, Duration globalWindow) {

    public static SenderSettings defaults() {
        return new SenderSettings(8, Duration.ofSeconds(60), Duration.ofMillis(200), 10, Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofSeconds(1));
    }

    public SenderSettings withMaxInFlight(int calls) {
        return new SenderSettings(calls, lease, idlePoll, maxAttempts, firstRetry, maxRetry, globalWindow);
    }

    public SenderSettings withRetries(int attempts, Duration first, Duration max) {
        return new SenderSettings(maxInFlight, lease, idlePoll, attempts, first, max, globalWindow);
    }
}
