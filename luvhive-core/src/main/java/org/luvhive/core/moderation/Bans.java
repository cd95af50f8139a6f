package org.luvhive.core.moderation;

import static org.luvhive.core.ui.Notices.notice;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.delivery.Outbox;

/**
 * Bans: a banned user is told once and ignored until the ban ends (taking them out of
 * queue and chat is the composition's part, which owns those). The ban check runs on
 * every update, so its lookup may go through a short-lived cache: this instance drops a
 * user's entry when its own ban or unban commits, other instances see the change when the
 * entry expires (the cache's expireAfterWrite, a few seconds). Thread-safe.
 */
public final class Bans {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Outbox outbox;
    private final Cache<Long, Optional<Ban>> lookups;

    public Bans(Outbox outbox) {
        this(outbox, null);
    }

    /** With a cache of ban lookups by user id (null: none); give it a short expireAfterWrite. */
    public Bans(Outbox outbox, Cache<Long, Optional<Ban>> lookups) {
        this.outbox = outbox;
        this.lookups = lookups;
    }

    /** Records a ban until {@code until} (null: for good) and tells the user. */
    public void ban(Handle handle, long userId, Instant until, String reason, long adminId, Instant now) {
        handle.attach(ModerationDao.class).ban(userId, until, reason, adminId, now);
        forgetAfterCommit(handle, userId);
        outbox.enqueue(handle, notice(userId, "🚫 You have been banned "
                + (until == null ? "permanently" : "until " + WHEN.format(until)) + ". Reason: " + reason));
    }

    /** Lifts a ban; true when there was one. */
    public boolean unban(Handle handle, long userId) {
        if (handle.attach(ModerationDao.class).unban(userId) == 0) {
            return false;
        }
        forgetAfterCommit(handle, userId);
        outbox.enqueue(handle, notice(userId, "✅ Your ban has been lifted. Welcome back: /find to meet someone."));
        return true;
    }

    public boolean isBanned(Handle handle, long userId, Instant now) {
        Optional<Ban> ban = lookups == null ? handle.attach(ModerationDao.class).findBan(userId)
                : lookups.get(userId, id -> handle.attach(ModerationDao.class).findBan(id));
        return ban.map(found -> found.activeAt(now)).orElse(false); // expiry judged now, never cached
    }

    private void forgetAfterCommit(Handle handle, long userId) {
        if (lookups != null) {
            lookups.invalidate(userId);
            handle.afterCommit(() -> lookups.invalidate(userId)); // a lookup racing the commit cached the old row
        }
    }

    public static String format(Instant instant) {
        return WHEN.format(instant);
    }
}
