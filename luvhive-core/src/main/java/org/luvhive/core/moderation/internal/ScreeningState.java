package org.luvhive.core.moderation.internal;

import java.time.Instant;

/**
 * What screening a message reads from the database in one round trip. Immutable.
 *
 * @param mutedUntil when the sender's mute ends (null: not muted)
 * @param partners   in how many distinct chats the sender sent this text within the duplicate window
 */
public record ScreeningState(Instant mutedUntil, int partners) {
}
