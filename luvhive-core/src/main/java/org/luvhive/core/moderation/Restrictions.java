package org.luvhive.core.moderation;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.moderation.internal.CaseDao;
import org.luvhive.core.moderation.internal.DecisionDao;

/**
 * Who is muted (their messages are not relayed) and who is held out of matching (until an
 * admin decides). Works in the caller's transaction. Stateless; thread-safe.
 */
public final class Restrictions {

    public Optional<Instant> mutedUntil(Handle handle, long userId, Instant now) {
        return handle.attach(DecisionDao.class).mutedUntil(userId, now);
    }

    /** Mutes until {@code until}; a longer mute already running is kept. */
    public void mute(Handle handle, long userId, Instant until, long decisionId) {
        handle.attach(DecisionDao.class).mute(userId, until, decisionId);
    }

    public boolean unmute(Handle handle, long userId) {
        return handle.attach(DecisionDao.class).unmute(userId) > 0;
    }

    /** Keeps the user out of matching until {@link #release}. */
    public void hold(Handle handle, long userId, long caseId, Instant now) {
        handle.attach(CaseDao.class).hold(userId, caseId, now);
    }

    public boolean isHeld(Handle handle, long userId) {
        return handle.attach(CaseDao.class).isHeld(userId);
    }

    public boolean release(Handle handle, long userId) {
        return handle.attach(CaseDao.class).release(userId) > 0;
    }
}
