package org.luvhive.core.moderation;

import java.time.Instant;

/** One row of {@code reports}. Immutable. */
public record Report(long id, long chatId, long reporterId, long reportedId, String reason, String details,
                     String status, Instant createdAt) {
}
