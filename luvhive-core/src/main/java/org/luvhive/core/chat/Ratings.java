package org.luvhive.core.chat;

import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.internal.RatingDao;

/**
 * The thumbs up and down partners give each other after a chat ({@link RateCallback}),
 * for the other features: what a user received, what they gave, and forgetting a user.
 * Every method works in the caller's transaction. Stateless; thread-safe.
 */
public final class Ratings {

    /** Thumbs the user received over all chats. */
    public RatingSummary summaryOf(Handle handle, long userId) {
        return handle.attach(RatingDao.class).summaryOf(userId);
    }

    /** How many ratings the user gave. */
    public long givenBy(Handle handle, long userId) {
        return handle.attach(RatingDao.class).countGivenBy(userId);
    }

    /** Deletes the ratings the user gave and the ones they got. */
    public void forget(Handle handle, long userId) {
        handle.attach(RatingDao.class).deleteOf(userId);
    }
}
