package org.luvhive.core.moderation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.Maintenance;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.moderation.filter.RuleStore;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.OpsSettingsListener;
import org.luvhive.core.user.Users;

/**
 * The moderation feature's services, built once for the composition: the live level and
 * rules, screening of relays and searches, the strike ladder, the admin queue, reports'
 * follow-up, appeals, and the periodic clean-up of what moderation keeps. Immutable after
 * construction; thread-safe.
 */
public final class ModerationFeature {

    private final Moderation moderation;
    private final LiveModeration live;
    private final ModerationJournal journal;
    private final Restrictions restrictions;
    private final ModerationQueue queue;
    private final Screening screening;
    private final ReportFollowUp reports;
    private final Appeals appeals;
    private final ModerationCleanup cleanup;

    public ModerationFeature(Jdbi jdbi, Clock clock, Moderation moderation, Chats chats, Users users,
                             ViolationsLog violations, MeterRegistry registry) {
        this.live = new LiveModeration(jdbi, new RuleStore(), new ModerationSettings(new OpsSettings(jdbi, clock)))
                .reload();
        this.journal = new ModerationJournal(violations, registry);
        this.restrictions = new Restrictions();
        this.moderation = moderation;
        this.queue = new ModerationQueue(moderation, restrictions);
        Escalation escalation = new Escalation(journal, restrictions, queue, moderation, chats);
        this.screening = new Screening(live, journal, restrictions, escalation, chats, users, registry);
        this.reports = new ReportFollowUp(journal, queue, restrictions, live);
        this.appeals = new Appeals(journal, queue, restrictions, moderation);
        this.cleanup = new ModerationCleanup(jdbi, clock, live);
    }

    /**
     * Follows the level, policy and rules the CLI sets, and changes to bans made anywhere
     * (the cached ban lookups go), so a change applies within a second.
     */
    public void follow(OpsSettingsListener listener) {
        live.follow(listener);
        moderation.follow(listener);
    }

    public LiveModeration live() {
        return live;
    }

    public ModerationJournal journal() {
        return journal;
    }

    public Restrictions restrictions() {
        return restrictions;
    }

    public ModerationQueue queue() {
        return queue;
    }

    public Screening screening() {
        return screening;
    }

    public ReportFollowUp reports() {
        return reports;
    }

    public Appeals appeals() {
        return appeals;
    }

    /** Dropping fingerprints past the duplicate window, ended mutes, and old decisions. */
    public List<Maintenance> maintenance() {
        return List.of(
                new Maintenance("moderation-fingerprints", Duration.ofMinutes(5), cleanup::dropFingerprints),
                new Maintenance("moderation-decisions-retention", Duration.ofHours(6), cleanup::dropOldDecisions));
    }
}
