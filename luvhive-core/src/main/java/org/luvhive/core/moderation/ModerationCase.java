package org.luvhive.core.moderation;

import java.time.Instant;

/**
 * A case of the admin queue, with what it gathered. Immutable.
 *
 * @param id            the case
 * @param userId        whom it is about
 * @param reason        the reason of the highest priority so far
 * @param priority      its priority
 * @param open          still waiting for an admin
 * @param openedAt      when it was opened
 * @param updatedAt     when something last joined it
 * @param reports       reports attached
 * @param reporters     distinct reporters among them
 * @param reportReasons the reports' reasons, comma-separated (empty without reports)
 * @param held          the user is kept out of matching
 * @param mutedUntil    when the user's mute ends, or null
 * @param banned        the user is banned
 * @param appeal        the user's latest appeal text, or null
 */
public record ModerationCase(long id, long userId, CaseReason reason, int priority, boolean open, Instant openedAt,
                             Instant updatedAt, long reports, long reporters, String reportReasons, boolean held,
                             Instant mutedUntil, boolean banned, String appeal) {
}
