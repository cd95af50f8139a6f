package org.luvhive.core.moderation.filter;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One moderation rule: a name operators use, what it looks for, how bad a hit is and,
 * for {@code words} rules, the words and phrases. Immutable.
 *
 * @param name     lower-case name, e.g. {@code links.invite} or {@code words.contact-apps}
 * @param kind     what it looks for
 * @param severity how bad a hit is (an obfuscated hit counts one step worse)
 * @param terms    the words and phrases of a {@code words} rule; empty for the others
 */
public record Rule(String name, RuleKind kind, Severity severity, List<String> terms) {

    public static final int MAX_TERMS = 1000;
    public static final int MAX_TERM_LENGTH = 100;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,59}");

    public Rule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("rule name must be 1-60 of a-z 0-9 . _ -, starting with a letter: "
                    + name);
        }
        terms = terms == null ? List.of() : List.copyOf(terms);
        if (kind.takesTerms() && terms.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.code() + " rule needs at least one word or phrase");
        }
        if (!kind.takesTerms() && !terms.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.code() + " rule takes no words; only words rules do");
        }
        if (terms.size() > MAX_TERMS) {
            throw new IllegalArgumentException("a rule holds at most " + MAX_TERMS + " words or phrases");
        }
        for (String term : terms) {
            if (term.isBlank() || term.length() > MAX_TERM_LENGTH) {
                throw new IllegalArgumentException("each word or phrase must be 1-" + MAX_TERM_LENGTH
                        + " characters and not blank");
            }
        }
    }

    public static Rule detector(String name, RuleKind kind, Severity severity) {
        return new Rule(name, kind, severity, List.of());
    }

    public static Rule words(String name, Severity severity, List<String> terms) {
        return new Rule(name, RuleKind.WORDS, severity, terms);
    }
}
