package org.luvhive.core.moderation.filter;

/**
 * One rule a message tripped. Immutable.
 *
 * @param rule       the rule's name
 * @param kind       what it looks for
 * @param severity   the severity it counted with (one step above the rule's when obfuscated)
 * @param obfuscated true when only the normalised views found it (spaced out, look-alike letters, ...)
 * @param decision   what this hit alone decides at the level it was judged by
 */
public record RuleHit(String rule, RuleKind kind, Severity severity, boolean obfuscated, Decision decision) {
}
