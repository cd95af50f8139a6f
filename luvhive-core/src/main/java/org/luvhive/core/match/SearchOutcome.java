package org.luvhive.core.match;

/** What {@link Matcher#search} did. */
public enum SearchOutcome {
    /** Paired at once; both sides were sent the intro. */
    MATCHED,
    /** In the queue; the user was sent their "Searching…" status message. */
    WAITING,
    /** Was already in the queue. */
    ALREADY_WAITING,
    /** Is in a chat; nothing changed. */
    IN_CHAT
}
