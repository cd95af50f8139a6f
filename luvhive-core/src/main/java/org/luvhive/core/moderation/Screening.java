package org.luvhive.core.moderation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.i18n.DurationWords;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.moderation.filter.ContentChecker;
import org.luvhive.core.moderation.filter.Decision;
import org.luvhive.core.moderation.filter.LevelPolicy;
import org.luvhive.core.moderation.filter.MessageFacts;
import org.luvhive.core.moderation.filter.RuleHit;
import org.luvhive.core.moderation.filter.RuleKind;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.moderation.filter.Verdict;
import org.luvhive.core.moderation.internal.ModerationRows;
import org.luvhive.core.moderation.internal.ScreeningState;
import org.luvhive.core.ui.Notices;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;

/**
 * Screens what a user is about to do against the live level and rules, in the update's
 * transaction: a message or caption before it is relayed (mutes, the content rules,
 * duplicates across chats, the media lock), a search before it starts (held users, new
 * accounts in lockdown, /next churn). Records every decision, applies the strike ladder,
 * and tells the user in one short line, never naming the word. Thread-safe.
 */
public final class Screening {

    /**
     * How long screening a message takes, database included, by outcome ({@code relayed},
     * {@code refused}): {@code luvhive_moderation_screen_seconds{outcome}}.
     */
    public static final String TIMER = "luvhive.moderation.screen";
    /** What screening may add to a relay at p99; the timer counts the screenings within it. */
    public static final Duration BUDGET = Duration.ofMillis(1);

    private final LiveModeration live;
    private final ModerationJournal journal;
    private final Restrictions restrictions;
    private final Escalation escalation;
    private final Chats chats;
    private final Users users;
    private final Timer relayed;
    private final Timer refused;

    public Screening(LiveModeration live, ModerationJournal journal, Restrictions restrictions, Escalation escalation,
                     Chats chats, Users users, MeterRegistry registry) {
        this.live = live;
        this.journal = journal;
        this.restrictions = restrictions;
        this.escalation = escalation;
        this.chats = chats;
        this.users = users;
        this.relayed = timer(registry, "relayed");
        this.refused = timer(registry, "refused");
    }

    /**
     * True when the message (text or caption, and whether it carries media) may be relayed
     * in {@code chatId}; {@code signedUp} is when the sender first came (null: unknown).
     */
    public boolean admitMessage(UpdateContext context, long chatId, String text, boolean media, Instant signedUp) {
        long started = System.nanoTime();
        boolean admitted = screenMessage(context, chatId, text, media, signedUp, true);
        (admitted ? relayed : refused).record(Duration.ofNanos(System.nanoTime() - started));
        return admitted;
    }

    /** The budget: screening adds less than 1 ms to a relay at p99 (scripts/bench-moderation measures it). */
    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder(TIMER).description("Screening a message before it is relayed").tag("outcome", outcome)
                .publishPercentiles(0.5, 0.99).percentilePrecision(2).serviceLevelObjectives(BUDGET)
                .register(registry);
    }

    /** True when an edit of a relayed message may reach the partner's copy (an edit is no new send: no duplicates). */
    public boolean admitEdit(UpdateContext context, long chatId, String text, boolean media) {
        return screenMessage(context, chatId, text, media, signedUp(context.handle(), context.userId()), false);
    }

    /** True when the user may start a search ({@code /find}, {@code /next}). */
    public boolean admitSearch(UpdateContext context) {
        Handle handle = context.handle();
        if (restrictions.isHeld(handle, context.userId())) {
            context.replyText("moderation.search_held");
            return false;
        }
        Strictness level = live.level();
        LevelPolicy policy = live.policy().level(level);
        Instant signedUp = signedUp(handle, context.userId());
        Duration age = signedUp == null ? null : Duration.between(signedUp, context.now());
        if (!policy.mayStartSearch(age)) {
            context.replyText("moderation.search_new_account");
            return false;
        }
        int started = chats.startedSince(handle, context.userId(), context.now().minus(policy.churnWindow()));
        Verdict verdict = live.checker().checkChurn(started + 1, age, level);
        return verdict.decision() == Decision.ALLOW || judge(context, verdict, null, level, false);
    }

    private boolean screenMessage(UpdateContext context, long chatId, String text, boolean media, Instant signedUp,
                                  boolean send) {
        Instant now = context.now();
        Strictness level = live.level();
        ContentChecker checker = live.checker();
        LevelPolicy policy = checker.policy().level(level);
        OptionalLong fingerprint = send && checker.has(RuleKind.DUPLICATE) ? ContentChecker.fingerprint(text)
                : OptionalLong.empty();
        // the one round trip of an ordinary message: its mute and its duplicates together
        ScreeningState state = ModerationRows.screeningState(context.handle(), context.userId(),
                fingerprint.isPresent() ? fingerprint.getAsLong() : null, chatId, now,
                now.minus(policy.duplicateWindow()));
        if (state.mutedUntil() != null) {
            context.replyText("moderation.muted_not_sent", Notices.when(state.mutedUntil()),
                    DurationWords.describe(Duration.between(now, state.mutedUntil()), context.language()));
            return false;
        }
        Duration age = signedUp == null ? null : Duration.between(signedUp, now);
        MessageFacts facts = new MessageFacts(text, media, age, state.partners());
        Verdict verdict = checker.check(facts, level);
        return verdict.decision() == Decision.ALLOW || judge(context, verdict, chatId, level, true);
    }

    /**
     * Records the verdict, climbs the strike ladder, tells the user; true when the message
     * still goes. {@code aMessage}: a refusal says "Not sent: ...".
     */
    private boolean judge(UpdateContext context, Verdict verdict, Long chatId, Strictness level, boolean aMessage) {
        Instant now = context.now();
        Language language = context.language();
        journal.record(context.handle(), DecisionEntry.of(verdict, context.userId(), chatId, now));
        String explanation = explanation(verdict, level, language);
        StringBuilder line = new StringBuilder(!verdict.blocked() ? "⚠️ " + capitalized(explanation)
                : aMessage ? Texts.of(language, "moderation.not_sent", explanation) : "🚫 " + capitalized(explanation));
        if (verdict.countsStrike()) {
            Escalation.Consequence consequence = escalation.afterStrike(context.handle(), context.userId(), chatId,
                    level, live.policy().ladder(level), now);
            switch (consequence.penalty()) {
                case WARN -> line.append("\n").append(consequence.next() == null
                        ? Texts.of(language, "moderation.warning")
                        : Texts.of(language, "moderation.warning_next",
                                PenaltyWords.describe(consequence.next(), language)));
                case MUTE -> line.append("\n").append(Texts.of(language, "moderation.muted_for",
                        DurationWords.describe(Duration.between(now, consequence.until()), language),
                        Notices.when(consequence.until())));
                case BAN -> {
                    return false; // the ban's own notice says it all
                }
            }
        }
        context.reply(line.toString());
        return !verdict.blocked();
    }

    /** What the user is told about the rule that decided, in their language, starting lower-case. */
    private String explanation(Verdict verdict, Strictness level, Language language) {
        RuleHit decisive = verdict.decisive();
        String explanation;
        if (decisive == null) {
            explanation = "";
        } else if (decisive.kind() == RuleKind.MEDIA) {
            LevelPolicy policy = live.policy().level(level);
            explanation = policy.mediaLockedForAll() ? Texts.of(language, "moderation.media_paused")
                    : Texts.of(language, "moderation.media_new_account", DurationWords.describe(policy.mediaLock(), language));
        } else {
            explanation = Texts.of(language, "rule." + decisive.kind().code());
        }
        return explanation.isEmpty() ? "" : Character.toLowerCase(explanation.charAt(0)) + explanation.substring(1);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** When the user first came (null when unknown, which counts as established). */
    private Instant signedUp(Handle handle, long userId) {
        return users.find(handle, userId).map(UserProfile::createdAt).orElse(null);
    }
}
