package org.luvhive.core.moderation;

import static org.luvhive.core.bot.ui.Notices.notice;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.EndReason;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.match.Matcher;

/**
 * Bans: a banned user is told once, taken out of the queue and their chat (the partner
 * is told the chat ended), and ignored until the ban ends. Stateless; thread-safe.
 */
public final class Bans {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Outbox outbox;
    private final Chats chats;
    private final Matcher matcher;

    public Bans(Outbox outbox, Chats chats, Matcher matcher) {
        this.outbox = outbox;
        this.chats = chats;
        this.matcher = matcher;
    }

    /** Bans until {@code until} (null: for good). */
    public void ban(Handle handle, long userId, Instant until, String reason, long adminId, Instant now) {
        matcher.lock(handle);
        handle.attach(ModerationDao.class).ban(userId, until, reason, adminId, now);
        matcher.leave(handle, userId);
        chats.end(handle, userId, EndReason.BANNED, now);
        outbox.enqueue(handle, notice(userId, "🚫 You have been banned "
                + (until == null ? "permanently" : "until " + WHEN.format(until)) + ". Reason: " + reason));
    }

    /** Lifts a ban; true when there was one. */
    public boolean unban(Handle handle, long userId) {
        if (handle.attach(ModerationDao.class).unban(userId) == 0) {
            return false;
        }
        outbox.enqueue(handle, notice(userId, "✅ Your ban has been lifted. Welcome back: /find to meet someone."));
        return true;
    }

    public boolean isBanned(Handle handle, long userId, Instant now) {
        return handle.attach(ModerationDao.class).findBan(userId).map(ban -> ban.activeAt(now)).orElse(false);
    }

    public static String format(Instant instant) {
        return WHEN.format(instant);
    }
}
