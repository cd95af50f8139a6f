package org.luvhive.core.moderation.filter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;
import org.luvhive.core.moderation.filter.internal.Detectors;
import org.luvhive.core.moderation.filter.internal.Redaction;
import org.luvhive.core.moderation.filter.internal.Skeleton;
import org.luvhive.core.moderation.filter.internal.TermIndex;
import org.luvhive.core.moderation.filter.internal.TextViews;

/**
 * Judges a message against a set of rules at a strictness level. Each rule kind matches
 * on the view of the text it can bear (see {@link TextViews}): detectors on the
 * normalised text, word lists on the skeleton; a hit that only a normalised view finds is
 * obfuscated and counts one severity step worse. The same checker serves the bot and
 * {@code luvhive moderation rules test}. Immutable; thread-safe.
 */
public final class ContentChecker {

    /** Texts shorter than this (in skeleton letters) are never duplicates: "hi" to five people is no spam. */
    public static final int MIN_DUPLICATE_LENGTH = 20;
    private static final String MEDIA_LOCK = "media.lock";

    private final List<Rule> rules;
    private final List<Rule> detectors = new ArrayList<>();
    private final List<Rule> duplicates = new ArrayList<>();
    private final List<Rule> churn = new ArrayList<>();
    private final TermIndex terms;
    private final ModerationPolicy policy;

    public ContentChecker(List<Rule> rules, ModerationPolicy policy) {
        this.rules = List.copyOf(rules);
        this.policy = policy;
        List<Rule> words = new ArrayList<>();
        for (Rule rule : this.rules) {
            switch (rule.kind()) {
                case WORDS -> words.add(rule);
                case DUPLICATE -> duplicates.add(rule);
                case CHURN -> churn.add(rule);
                case MEDIA -> {
                    // the media lock is the level's, not a rule's
                }
                default -> detectors.add(rule);
            }
        }
        this.terms = new TermIndex(words);
    }

    public List<Rule> rules() {
        return rules;
    }

    public ModerationPolicy policy() {
        return policy;
    }

    /** True when some rule is of this kind. */
    public boolean has(RuleKind kind) {
        return rules.stream().anyMatch(rule -> rule.kind() == kind);
    }

    public Verdict check(MessageFacts facts, Strictness level) {
        LevelPolicy levelPolicy = policy.level(level);
        boolean newAccount = levelPolicy.isNew(facts.accountAge());
        List<RuleHit> hits = new ArrayList<>(2);
        if (facts.media() && !levelPolicy.maySendMedia(facts.accountAge())) {
            hits.add(new RuleHit(MEDIA_LOCK, RuleKind.MEDIA, Severity.HIGH, false, Decision.BLOCK));
        }
        String text = facts.text();
        BitSet matchedWords = new BitSet();
        TextViews views = null;
        if (text != null && !text.isBlank()) {
            views = TextViews.of(text);
            for (Rule rule : detectors) {
                boolean found = Detectors.finds(rule.kind(), views.detectable())
                        || Detectors.spells(rule.kind(), views.pieces());
                if (found) {
                    boolean asWritten = Detectors.finds(rule.kind(), views.plain());
                    hits.add(hit(rule, !asWritten, level, newAccount));
                }
            }
            for (TermIndex.TermHit termHit : terms.find(views, matchedWords)) {
                hits.add(hit(termHit.rule(), !termHit.asWritten(), level, newAccount));
            }
        }
        if (facts.duplicatePartners() >= levelPolicy.duplicatePartners()) {
            duplicates.forEach(rule -> hits.add(hit(rule, false, level, newAccount)));
        }
        Decision decision = hits.stream().map(RuleHit::decision).reduce(Decision.ALLOW, Decision::atLeast);
        String excerpt = decision == Decision.ALLOW || views == null ? "" : Redaction.excerpt(views, matchedWords);
        return new Verdict(level, decision, hits, excerpt);
    }

    /** Judges a {@code /next} (or a new search) by how many chats the user started within the churn window. */
    public Verdict checkChurn(int chatsStarted, Duration accountAge, Strictness level) {
        LevelPolicy levelPolicy = policy.level(level);
        if (chatsStarted < levelPolicy.churnChats()) {
            return Verdict.allow(level);
        }
        boolean newAccount = levelPolicy.isNew(accountAge);
        List<RuleHit> hits = churn.stream().map(rule -> hit(rule, false, level, newAccount)).toList();
        Decision decision = hits.stream().map(RuleHit::decision).reduce(Decision.ALLOW, Decision::atLeast);
        return new Verdict(level, decision, hits, "");
    }

    /**
     * The duplicate rule's fingerprint of a text: a 64-bit hash of its skeleton, so that
     * {@code "Hello!!"} and {@code "hellooo"} are one text; empty for texts too short to count.
     */
    public static OptionalLong fingerprint(String text) {
        if (text == null || text.isBlank()) {
            return OptionalLong.empty();
        }
        StringBuilder skeleton = new StringBuilder(text.length());
        for (Skeleton.Piece piece : TextViews.of(text).pieces()) {
            Skeleton.appendSqueezed(skeleton, piece.text());
        }
        if (skeleton.length() < MIN_DUPLICATE_LENGTH) {
            return OptionalLong.empty();
        }
        long hash = 0xcbf29ce484222325L; // FNV-1a
        for (int index = 0; index < skeleton.length(); index++) {
            hash ^= skeleton.charAt(index);
            hash *= 0x100000001b3L;
        }
        return OptionalLong.of(hash);
    }

    private RuleHit hit(Rule rule, boolean obfuscated, Strictness level, boolean newAccount) {
        Severity severity = obfuscated ? rule.severity().raised() : rule.severity();
        return new RuleHit(rule.name(), rule.kind(), severity, obfuscated, policy.decide(level, severity, newAccount));
    }
}
