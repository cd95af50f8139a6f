package org.luvhive.core.moderation;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.EndReason;
import org.luvhive.core.moderation.filter.Penalty;
import org.luvhive.core.moderation.filter.StrikeLadder;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.moderation.internal.DecisionDao;

/**
 * The strike ladder: after a strike was recorded, counts the user's live strikes (younger
 * than the level's decay, and after the last lift) and applies the step they reached: a
 * warning, a mute, or a ban that waits in the admin queue. Works in the caller's
 * transaction. Stateless; thread-safe.
 */
public final class Escalation {

    /** Who bans when the ladder does: no admin. */
    public static final long BY_THE_BOT = 0;

    /**
     * What the strike brought.
     *
     * @param penalty what was applied
     * @param until   when a mute ends (null otherwise)
     * @param strikes the live strikes, this one included
     * @param next    what the next strike brings (null after a ban)
     */
    public record Consequence(Penalty penalty, Instant until, int strikes, StrikeLadder.Step next) {
    }

    private final ModerationJournal journal;
    private final Restrictions restrictions;
    private final ModerationQueue queue;
    private final Moderation moderation;
    private final Chats chats;

    public Escalation(ModerationJournal journal, Restrictions restrictions, ModerationQueue queue, Moderation moderation,
                      Chats chats) {
        this.journal = journal;
        this.restrictions = restrictions;
        this.queue = queue;
        this.moderation = moderation;
        this.chats = chats;
    }

    /** Applies the step the user's live strikes reached, after a strike was recorded at {@code level}. */
    public Consequence afterStrike(Handle handle, long userId, Long chatId, Strictness level, StrikeLadder ladder,
                                   Instant now) {
        int strikes = handle.attach(DecisionDao.class).liveStrikes(userId, now.minus(ladder.decay()));
        StrikeLadder.Step step = ladder.stepFor(Math.max(1, strikes));
        StrikeLadder.Step next = step.penalty() == Penalty.BAN ? null : ladder.stepFor(strikes + 1);
        switch (step.penalty()) {
            case WARN -> journal.record(handle, DecisionEntry.about(userId, ModerationAction.WARN, level, null, null,
                    null, now).inChat(chatId));
            case MUTE -> {
                Instant until = now.plus(step.duration());
                long decision = journal.record(handle, DecisionEntry.about(userId, ModerationAction.MUTE, level, until,
                        null, null, now).inChat(chatId));
                restrictions.mute(handle, userId, until, decision);
                return new Consequence(Penalty.MUTE, until, strikes, next);
            }
            case BAN -> {
                long caseId = queue.raise(handle, userId, CaseReason.BAN_REVIEW, now);
                journal.record(handle, DecisionEntry.about(userId, ModerationAction.BAN, level, null, null, caseId, now)
                        .inChat(chatId));
                chats.end(handle, userId, EndReason.BANNED, now);
                moderation.ban(handle, userId, null, "repeated violations of the chat rules; an admin will review it "
                        + "(you can send /appeal once)", BY_THE_BOT, now);
            }
        }
        return new Consequence(step.penalty(), null, strikes, next);
    }
}
