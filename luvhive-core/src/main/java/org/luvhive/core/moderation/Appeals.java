package org.luvhive.core.moderation;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.moderation.internal.CaseDao;
import org.luvhive.core.moderation.internal.DecisionDao;
import org.luvhive.core.moderation.internal.DecisionRow;

/**
 * One appeal per mute or ban: the user's latest restriction, while it is in force, may be
 * appealed once; the appeal joins their case in the admin queue. Works in the caller's
 * transaction. Stateless; thread-safe.
 */
public final class Appeals {

    public static final int MAX_LENGTH = 500;

    /** What {@link #appeal} did. */
    public enum Outcome { SENT, NOTHING_TO_APPEAL, ALREADY_APPEALED }

    /**
     * An appeal's result.
     *
     * @param outcome  what happened
     * @param caseId   the case it joined (0 unless sent)
     * @param action   the decision appealed (null when there was none)
     */
    public record Result(Outcome outcome, long caseId, ModerationAction action) {
    }

    private final ModerationJournal journal;
    private final ModerationQueue queue;
    private final Restrictions restrictions;
    private final Moderation moderation;

    public Appeals(ModerationJournal journal, ModerationQueue queue, Restrictions restrictions, Moderation moderation) {
        this.journal = journal;
        this.queue = queue;
        this.restrictions = restrictions;
        this.moderation = moderation;
    }

    public Result appeal(Handle handle, long userId, String text, Instant now) {
        Optional<DecisionRow> latest = handle.attach(DecisionDao.class).latestRestriction(userId)
                .filter(decision -> inForce(handle, decision, now));
        if (latest.isEmpty()) {
            return new Result(Outcome.NOTHING_TO_APPEAL, 0, null);
        }
        ModerationAction action = ModerationAction.valueOf(latest.get().action().toUpperCase(Locale.ROOT));
        CaseDao cases = handle.attach(CaseDao.class);
        if (cases.appealed(latest.get().id())) {
            return new Result(Outcome.ALREADY_APPEALED, 0, action);
        }
        long caseId = queue.raise(handle, userId, CaseReason.APPEAL, now);
        String kept = text == null || text.isBlank() ? null
                : text.strip().length() > MAX_LENGTH ? text.strip().substring(0, MAX_LENGTH) : text.strip();
        if (cases.appeal(latest.get().id(), userId, caseId, kept, now) == 0) {
            return new Result(Outcome.ALREADY_APPEALED, 0, action);
        }
        journal.record(handle, DecisionEntry.about(userId, ModerationAction.APPEAL, null, null, null, caseId, now));
        return new Result(Outcome.SENT, caseId, action);
    }

    private boolean inForce(Handle handle, DecisionRow decision, Instant now) {
        return "ban".equals(decision.action()) ? moderation.isBanned(handle, decision.userId(), now)
                : restrictions.mutedUntil(handle, decision.userId(), now).isPresent();
    }
}
