package org.luvhive.core.admin;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.EndReason;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.moderation.Bans;

/**
 * An admin's ban, across the features it touches: the banned user leaves the queue and
 * their chat (the partner is told the chat ended), then the ban is recorded and the user
 * told. Works in the caller's transaction. Stateless; thread-safe.
 */
public final class Banning {

    private final Bans bans;
    private final Chats chats;
    private final Matcher matcher;

    public Banning(Bans bans, Chats chats, Matcher matcher) {
        this.bans = bans;
        this.chats = chats;
        this.matcher = matcher;
    }

    /** Bans until {@code until} (null: for good). */
    public void ban(Handle handle, long userId, Instant until, String reason, long adminId, Instant now) {
        matcher.leave(handle, userId);
        chats.end(handle, userId, EndReason.BANNED, now);
        bans.ban(handle, userId, until, reason, adminId, now);
    }
}
