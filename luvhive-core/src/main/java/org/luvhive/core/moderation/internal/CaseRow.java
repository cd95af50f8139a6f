package org.luvhive.core.moderation.internal;

import java.time.Instant;

/** One open or closed case of the admin queue, with what it gathered. Immutable. */
public record CaseRow(long id, long userId, int priority, String reason, String status, Instant openedAt,
                      Instant updatedAt, Instant closedAt, Long closedBy, String resolution, long reports,
                      long reporters, boolean held, String reportReasons) {
}
