package org.luvhive.core.match.internal;

import java.time.Instant;

/**
 * One waiting user's row of {@code match_queue} as the search status needs it. Immutable.
 *
 * @param userId          who waits
 * @param enqueuedAt      since when (identifies this search)
 * @param statusMessageId their "Searching…" message, once Telegram gave it an id
 * @param statusText      what that message shows
 * @param statusAt        when the status was last looked at (and edited, when it changed)
 * @param widened         whether they widened their filters for this search
 */
public record QueueEntry(long userId, Instant enqueuedAt, Integer statusMessageId, String statusText,
                         Instant statusAt, boolean widened) {
}
