package org.luvhive.core.moderation;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.moderation.filter.ModerationPolicy;
import org.luvhive.core.moderation.internal.CaseDao;

/**
 * What a filed report brings beyond the report itself: it joins the reported user's case
 * in the admin queue; a report that they seem under 18 holds them out of matching until
 * an admin decides; and enough distinct reporters within the window mute them (unless a
 * mute is running) and put their case on top. The caller tells the admins and takes a held user out of the queue.
 * Works in the caller's transaction. Stateless; thread-safe.
 */
public final class ReportFollowUp {

    /**
     * What happened.
     *
     * @param caseId     the case the report joined
     * @param held       the user is now held out of matching (a minor report)
     * @param mutedUntil when the mute that enough reporters brought ends (null: no such mute)
     * @param reporters  distinct reporters within the window
     */
    public record Outcome(long caseId, boolean held, Instant mutedUntil, int reporters) {
    }

    private final ModerationJournal journal;
    private final ModerationQueue queue;
    private final Restrictions restrictions;
    private final LiveModeration live;

    public ReportFollowUp(ModerationJournal journal, ModerationQueue queue, Restrictions restrictions,
                          LiveModeration live) {
        this.journal = journal;
        this.queue = queue;
        this.restrictions = restrictions;
        this.live = live;
    }

    public Outcome afterReport(Handle handle, long reportId, long reportedId, ReportReason reason, Instant now) {
        boolean minor = reason == ReportReason.MINOR;
        long caseId = queue.raise(handle, reportedId, minor ? CaseReason.MINOR : CaseReason.REPORT, now);
        queue.attachReport(handle, reportId, caseId);
        if (minor && !restrictions.isHeld(handle, reportedId)) {
            restrictions.hold(handle, reportedId, caseId, now);
            journal.record(handle, DecisionEntry.about(reportedId, ModerationAction.HOLD, live.level(), null, null,
                    caseId, now).withRules(List.of("reports.minor"), List.of("report")));
        }
        ModerationPolicy.ReportThreshold threshold = live.policy().reports();
        int reporters = handle.attach(CaseDao.class).distinctReportersSince(reportedId, now.minus(threshold.window()));
        Instant mutedUntil = null;
        if (reporters >= threshold.reporters() && restrictions.mutedUntil(handle, reportedId, now).isEmpty()) {
            mutedUntil = now.plus(threshold.mute());
            queue.raise(handle, reportedId, CaseReason.REPORTS, now);
            long decision = journal.record(handle, DecisionEntry.about(reportedId, ModerationAction.REPORT_MUTE,
                    live.level(), mutedUntil, null, caseId, now)
                    .withRules(List.of("reports.threshold"), List.of("report")));
            restrictions.mute(handle, reportedId, mutedUntil, decision);
        }
        return new Outcome(caseId, minor, mutedUntil, reporters);
    }
}
