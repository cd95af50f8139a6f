package org.luvhive.core.match;

import java.time.Instant;

/**
 * A user in the queue: since when (which identifies the search) and whether they widened
 * their filters for it. Immutable.
 */
public record Waiting(long userId, Instant since, boolean widened) {
}
