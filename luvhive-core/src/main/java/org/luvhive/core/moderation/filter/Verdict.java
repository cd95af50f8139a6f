package org.luvhive.core.moderation.filter;

import java.util.Comparator;
import java.util.List;

/**
 * The checker's answer for one message or one /next. Immutable.
 *
 * @param level    the strictness level it was judged at
 * @param decision the harshest decision of the hits ({@code allow} without hits)
 * @param hits     every rule tripped, in rule order
 * @param excerpt  a short redacted excerpt of the text for the violations log (empty when allowed)
 */
public record Verdict(Strictness level, Decision decision, List<RuleHit> hits, String excerpt) {

    public Verdict {
        hits = List.copyOf(hits);
    }

    public static Verdict allow(Strictness level) {
        return new Verdict(level, Decision.ALLOW, List.of(), "");
    }

    public List<String> rules() {
        return hits.stream().map(RuleHit::rule).toList();
    }

    public boolean blocked() {
        return decision == Decision.BLOCK;
    }

    /** True when the sender earns a strike: a hit that blocks or strikes, other than a lock. */
    public boolean countsStrike() {
        return hits.stream().anyMatch(hit -> hit.decision() != Decision.ALLOW && hit.kind().countsStrike());
    }

    /** The hit that decided, the harshest one (null when allowed). */
    public RuleHit decisive() {
        return hits.stream().filter(hit -> hit.decision() == decision && decision != Decision.ALLOW)
                .max(Comparator.comparing(RuleHit::severity)).orElse(null);
    }

    /** One short line for the sender saying why, never which word. */
    public String explanation() {
        RuleHit decisive = decisive();
        return decisive == null ? "" : decisive.kind().explanation();
    }
}
