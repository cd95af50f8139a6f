package org.luvhive.core.moderation;

import java.time.Instant;

/** One row of {@code bans}; {@code bannedUntil} null means permanent. Immutable. */
public record Ban(long userId, Instant bannedUntil, String reason, long bannedBy, Instant createdAt) {

    public boolean activeAt(Instant now) {
        return bannedUntil == null || bannedUntil.isAfter(now);
    }
}
