package org.luvhive.core.moderation;

import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.when;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.moderation.internal.CaseDao;
import org.luvhive.core.moderation.internal.DecisionDao;
import org.luvhive.core.moderation.internal.FingerprintDao;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.moderation.internal.ModerationDao;
import org.luvhive.core.moderation.internal.ModerationRows;
import org.luvhive.core.settings.OpsSettingsListener;
import org.luvhive.core.user.Users;

/**
 * The moderation feature's service for the others: bans, blocks, reports and the admin
 * audit log ({@code bans}, {@code blocks}, {@code reports}, {@code admin_audit} are its
 * tables). A banned user is told once and ignored until the ban ends; taking them out of
 * queue and chat is the composition's part. The ban check runs on every update, so its
 * lookup may go through a cache: this instance drops a user's entry when its own ban or
 * unban commits; a change to {@code bans} made anywhere (another instance, the CLI) is
 * announced by a trigger as {@value #BANS_CHANGED}, and {@link #follow} drops every entry
 * then, within a second. A notification lost while the listener reconnects is made good
 * by its re-reading every key (every 30 s, and on reconnecting), which drops them too; the
 * cache's own expiry bounds what an instance without a listener acts on. Every method
 * works in the caller's transaction. Thread-safe.
 */
public final class Moderation {

    /** Announced (a key without a stored value) whenever {@code bans} changes; see migration V59. */
    public static final String BANS_CHANGED = "moderation.bans_changed";

    private final Outbox outbox;
    private final Users users;
    private final Cache<Long, Optional<Ban>> lookups;

    /** @param users whose language a banned user is told in */
    public Moderation(Outbox outbox, Users users) {
        this(outbox, users, null);
    }

    /** With a cache of ban lookups by user id (null: none); give it a short expireAfterWrite. */
    public Moderation(Outbox outbox, Users users, Cache<Long, Optional<Ban>> lookups) {
        this.outbox = outbox;
        this.users = users;
        this.lookups = lookups;
    }

    /** Records a ban until {@code until} (null: for good) and tells the user. */
    public void ban(Handle handle, long userId, Instant until, String reason, long adminId, Instant now) {
        handle.attach(ModerationDao.class).ban(userId, until, reason, adminId, now);
        forgetAfterCommit(handle, userId);
        Language language = users.language(handle, userId);
        outbox.enqueue(handle, notice(userId, until == null ? Texts.of(language, "ban.permanent", reason)
                : Texts.of(language, "ban.until", when(until), reason)));
    }

    /** Lifts a ban; true when there was one. */
    public boolean unban(Handle handle, long userId) {
        if (handle.attach(ModerationDao.class).unban(userId) == 0) {
            return false;
        }
        forgetAfterCommit(handle, userId);
        outbox.enqueue(handle, notice(userId, Texts.of(users.language(handle, userId), "ban.lifted")));
        return true;
    }

    public boolean isBanned(Handle handle, long userId, Instant now) {
        Optional<Ban> ban = lookups == null ? ModerationRows.ban(handle, userId)
                : lookups.get(userId, id -> ModerationRows.ban(handle, id));
        return ban.map(found -> found.activeAt(now)).orElse(false); // expiry judged now, never cached
    }

    /** Drops every cached ban lookup whenever {@value #BANS_CHANGED} is announced (and when the listener re-reads). */
    public void follow(OpsSettingsListener listener) {
        if (lookups != null) {
            listener.subscribe(BANS_CHANGED, announced -> lookups.invalidateAll());
        }
    }

    private void forgetAfterCommit(Handle handle, long userId) {
        if (lookups != null) {
            lookups.invalidate(userId);
            handle.afterCommit(() -> lookups.invalidate(userId)); // a lookup racing the commit cached the old row
        }
    }

    /** {@code blocker} never meets {@code blocked} again (met in {@code chatId}). */
    public void block(Handle handle, long blocker, long blocked, long chatId, Instant now) {
        handle.attach(ModerationDao.class).block(blocker, blocked, chatId, now);
    }

    /** True when either of the two blocked or reported the other: nothing may bring them together again. */
    public boolean keptApart(Handle handle, long first, long second) {
        return handle.attach(ModerationDao.class).keptApart(first, second);
    }

    /** Files a report about a chat's partner; empty when this reporter reported this chat before. */
    public Optional<Long> report(Handle handle, long chatId, long reporter, long reported, ReportReason reason,
                                 Instant now) {
        return handle.attach(ModerationDao.class).report(chatId, reporter, reported, reason.code(), now);
    }

    public Optional<Report> findReport(Handle handle, long reportId) {
        return handle.attach(ModerationDao.class).findReport(reportId);
    }

    /** The oldest open reports, at most {@code limit}. */
    public List<Report> openReports(Handle handle, int limit) {
        return handle.attach(ModerationDao.class).openReports(limit);
    }

    public long countOpenReports(Handle handle) {
        return handle.attach(ModerationDao.class).countOpenReports();
    }

    /** Closes an open report as {@code actioned} or {@code dismissed}; false when it was not open. */
    public boolean resolve(Handle handle, long reportId, boolean actioned, long adminId, Instant now) {
        return handle.attach(ModerationDao.class)
                .resolve(reportId, actioned ? "actioned" : "dismissed", adminId, now) > 0;
    }

    /** One line of the admin audit log: who tried what, on what, allowed or not. */
    public void audit(Handle handle, long adminId, String action, String target, String details, boolean allowed,
                      Instant now) {
        handle.attach(ModerationDao.class).audit(adminId, action, target, details, allowed, now);
    }

    public long countBlocksBy(Handle handle, long userId) {
        return handle.attach(ModerationDao.class).countBlocksBy(userId);
    }

    public long countReportsBy(Handle handle, long userId) {
        return handle.attach(ModerationDao.class).countReportsBy(userId);
    }

    /**
     * Deletes the blocks the user made and the reports they filed (with the details they
     * wrote), the moderation decisions about them (with their redacted excerpts), their
     * mute, their appeals (their words) and the fingerprints of their messages. Kept, as
     * /privacy says, so that moderation cannot be dodged by deleting and coming back: their
     * bans, a hold out of matching until an admin decides, blocks others made against them,
     * reports and the admin queue's cases about them, and the admin audit log and what an
     * admin decided (security record of who did what).
     */
    public void forget(Handle handle, long userId) {
        ModerationDao moderation = handle.attach(ModerationDao.class);
        moderation.deleteBlocksBy(userId);
        moderation.deleteReportsBy(userId);
        DecisionDao decisions = handle.attach(DecisionDao.class);
        decisions.deleteOf(userId);
        decisions.unmute(userId);
        handle.attach(CaseDao.class).deleteAppealsOf(userId);
        handle.attach(FingerprintDao.class).deleteOf(userId);
    }
}
