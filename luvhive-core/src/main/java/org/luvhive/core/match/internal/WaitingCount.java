package org.luvhive.core.match.internal;

/**
 * Who else is waiting for someone: {@code others} who could ever be paired with them,
 * {@code fitting} of those their filters accept. Immutable.
 */
public record WaitingCount(long others, long fitting) {
}
