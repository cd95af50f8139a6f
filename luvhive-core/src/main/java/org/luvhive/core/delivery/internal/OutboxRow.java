package org.luvhive.core.delivery.internal;

import java.time.Instant;

/** One outbox row as the sender reads it. */
public record OutboxRow(long id, long chatId, int priority, String method, String payload, String correlation,
                        int attempts, Instant createdAt) {
}
