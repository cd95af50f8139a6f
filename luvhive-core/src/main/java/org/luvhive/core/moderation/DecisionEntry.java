package org.luvhive.core.moderation;

import java.time.Instant;
import java.util.List;
import org.luvhive.core.moderation.filter.RuleHit;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.moderation.filter.Verdict;

/**
 * One moderation decision to record. Immutable.
 *
 * @param userId    whom it concerns
 * @param chatId    the chat it happened in, if any
 * @param action    what was decided
 * @param rules     the rules that tripped (names)
 * @param kinds     their kinds
 * @param level     the strictness level it was decided at (null for an admin's decision)
 * @param strike    whether it counts towards the strike ladder
 * @param until     when a mute or ban ends
 * @param excerpt   a short redacted excerpt of the text, or null
 * @param decidedBy the admin, or null for the bot
 * @param caseId    the admin-queue case, if any
 * @param at        when
 */
public record DecisionEntry(long userId, Long chatId, ModerationAction action, List<String> rules, List<String> kinds,
                            Strictness level, boolean strike, Instant until, String excerpt, Long decidedBy,
                            Long caseId, Instant at) {

    public DecisionEntry {
        rules = List.copyOf(rules);
        kinds = List.copyOf(kinds);
    }

    /** The decision a verdict made about a message or a search. */
    public static DecisionEntry of(Verdict verdict, long userId, Long chatId, Instant at) {
        List<RuleHit> hits = verdict.hits();
        return new DecisionEntry(userId, chatId,
                verdict.blocked() ? ModerationAction.BLOCK : ModerationAction.STRIKE,
                hits.stream().map(RuleHit::rule).toList(), hits.stream().map(hit -> hit.kind().code()).toList(),
                verdict.level(), verdict.countsStrike(), null, verdict.excerpt().isEmpty() ? null : verdict.excerpt(),
                null, null, at);
    }

    /** A decision of the bot's or an admin's about a user, without a rule. */
    public static DecisionEntry about(long userId, ModerationAction action, Strictness level, Instant until,
                                      Long decidedBy, Long caseId, Instant at) {
        return new DecisionEntry(userId, null, action, List.of(), List.of(), level, false, until, null, decidedBy,
                caseId, at);
    }

    public DecisionEntry withRules(List<String> ruleNames, List<String> ruleKinds) {
        return new DecisionEntry(userId, chatId, action, ruleNames, ruleKinds, level, strike, until, excerpt,
                decidedBy, caseId, at);
    }

    public DecisionEntry inChat(Long chat) {
        return new DecisionEntry(userId, chat, action, rules, kinds, level, strike, until, excerpt, decidedBy,
                caseId, at);
    }
}
