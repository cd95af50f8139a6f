package org.luvhive.core.admin;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.EndReason;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.moderation.Moderation;

/**
 * An admin's ban, across the features it touches: the banned user leaves the queue and
 * their chat (the partner is told the chat ended), then the ban is recorded and the user
 * told. Works in the caller's transaction. Stateless; thread-safe.
 */
public final class Banning {

    private final Moderation moderation;
    private final Chats chats;
    private final Matcher matcher;

    public Banning(Moderation moderation, Chats chats, Matcher matcher) {
        this.moderation = moderation;
        this.chats = chats;
        this.matcher = matcher;
    }

    /** Bans until {@code until} (null: for good). */
    public void ban(Handle handle, long userId, Instant until, String reason, long adminId, Instant now) {
        matcher.leave(handle, userId);
        chats.end(handle, userId, EndReason.BANNED, now);
        moderation.ban(handle, userId, until, reason, adminId, now);
    }
}
