package org.luvhive.core.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.moderation.internal.CaseDao;
import org.luvhive.core.moderation.internal.CaseRow;

/**
 * The admin queue: at most one open case per user, which reports, escalations and
 * appeals join, raised to the highest priority among them; highest first. Works in the
 * caller's transaction. Stateless; thread-safe.
 */
public final class ModerationQueue {

    private final Moderation moderation;
    private final Restrictions restrictions;

    public ModerationQueue(Moderation moderation, Restrictions restrictions) {
        this.moderation = moderation;
        this.restrictions = restrictions;
    }

    /** Opens the user's case, or raises their open one; returns its id. */
    public long raise(Handle handle, long userId, CaseReason reason, Instant now) {
        return handle.attach(CaseDao.class).open(userId, reason.priority(), reason.code(), now);
    }

    public void attachReport(Handle handle, long reportId, long caseId) {
        handle.attach(CaseDao.class).attachReport(reportId, caseId);
    }

    public List<ModerationCase> open(Handle handle, int limit, Instant now) {
        return handle.attach(CaseDao.class).openCases(limit).stream().map(row -> view(handle, row, now)).toList();
    }

    public long countOpen(Handle handle) {
        return handle.attach(CaseDao.class).countOpen();
    }

    /** The case, locked for this transaction (two admins pressing at once act once). */
    public Optional<ModerationCase> lock(Handle handle, long caseId, Instant now) {
        return handle.attach(CaseDao.class).findForUpdate(caseId).map(row -> view(handle, row, now));
    }

    /** Closes an open case and settles its open reports; false when it was closed already. */
    public boolean close(Handle handle, long caseId, long adminId, String resolution, boolean actioned, Instant now) {
        CaseDao cases = handle.attach(CaseDao.class);
        if (cases.close(caseId, adminId, resolution, now) == 0) {
            return false;
        }
        cases.resolveReports(caseId, actioned ? "actioned" : "dismissed", adminId, now);
        return true;
    }

    private ModerationCase view(Handle handle, CaseRow row, Instant now) {
        return new ModerationCase(row.id(), row.userId(), CaseReason.ofCode(row.reason()).orElse(CaseReason.REPORT),
                row.priority(), "open".equals(row.status()), row.openedAt(), row.updatedAt(), row.reports(),
                row.reporters(), row.reportReasons() == null ? "" : row.reportReasons(), row.held(),
                restrictions.mutedUntil(handle, row.userId(), now).orElse(null), moderation.isBanned(handle, row.userId(), now),
                handle.attach(CaseDao.class).latestAppeal(row.id()).orElse(null));
    }
}
