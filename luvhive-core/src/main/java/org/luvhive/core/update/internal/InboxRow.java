package org.luvhive.core.update.internal;

import java.time.Instant;

/** A claimed inbox row. */
public record InboxRow(long updateId, String kind, Long userId, String payload, int attempts, Instant receivedAt) {
}
