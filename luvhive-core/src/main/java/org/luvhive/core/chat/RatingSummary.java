package org.luvhive.core.chat;

/** Thumbs a user received over all chats. Immutable. */
public record RatingSummary(long up, long down) {
}
