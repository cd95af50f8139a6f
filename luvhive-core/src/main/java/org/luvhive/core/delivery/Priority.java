package org.luvhive.core.delivery;

/**
 * Which outbox rows go first. Live chat relays outrank notices, which outrank
 * broadcasts: a broadcast never delays a conversation.
 */
public enum Priority {
    /** A message one user sent to their partner, copied across. */
    RELAY(0),
    /** What the bot itself tells a user: prompts, "partner found", "slow down". */
    NOTICE(1),
    /** Announcements to many users. */
    BROADCAST(2);

    private final int rank;

    Priority(int rank) {
        this.rank = rank;
    }

    /** Lower goes first; stored in the outbox. */
    public int rank() {
        return rank;
    }

    public static Priority ofRank(int rank) {
        for (Priority priority : values()) {
            if (priority.rank == rank) {
                return priority;
            }
        }
        throw new IllegalArgumentException("no priority of rank " + rank);
    }
}
