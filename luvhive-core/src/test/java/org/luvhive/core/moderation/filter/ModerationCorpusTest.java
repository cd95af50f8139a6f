package org.luvhive.core.moderation.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * The checker with the rules the migrations install, against the corpus: at {@code normal}
 * no benign message is blocked; every violating message is caught by its kind at
 * {@code strict}. Prints precision and recall per level.
 */
@ExtendWith(PostgresExtension.class)
class ModerationCorpusTest {

    private final ContentChecker checker;
    private final List<String> benign = Corpus.benign();
    private final List<Corpus.Violation> violating = Corpus.violating();

    ModerationCorpusTest(TestDatabase database) {
        List<Rule> rules = database.jdbi().withHandle(handle -> new RuleStore().all(handle));
        this.checker = new ContentChecker(rules, ModerationPolicy.defaults());
    }

    @Test
    void theCorpusIsLargeAndVaried() {
        assertThat(benign).hasSizeGreaterThanOrEqualTo(200);
        assertThat(violating).hasSizeGreaterThanOrEqualTo(200);
        assertThat(violating.stream().map(Corpus.Violation::kind).distinct())
                .contains(RuleKind.INVITE_LINK, RuleKind.URL, RuleKind.DOMAIN, RuleKind.USERNAME, RuleKind.PHONE,
                        RuleKind.EMAIL, RuleKind.WORDS);
    }

    @Test
    void normalBlocksNoBenignMessage() {
        List<String> blocked = new ArrayList<>();
        for (String text : benign) {
            Verdict verdict = checker.check(MessageFacts.text(text), Strictness.NORMAL);
            if (verdict.decision() != Decision.ALLOW) {
                blocked.add(verdict.decision().code() + " " + verdict.rules() + ": " + text);
            }
        }
        assertThat(blocked).as("benign messages flagged at normal").isEmpty();
    }

    @Test
    void strictBlocksEveryViolatingMessageByItsKind() {
        List<String> missed = new ArrayList<>();
        for (Corpus.Violation violation : violating) {
            Verdict verdict = checker.check(MessageFacts.text(violation.text()), Strictness.STRICT);
            boolean byKind = verdict.hits().stream().anyMatch(hit -> hit.kind() == violation.kind());
            if (!verdict.blocked() || !byKind) {
                missed.add(violation.kind().code() + " expected, got " + verdict.decision().code() + " "
                        + verdict.rules() + ": " + violation.text());
            }
        }
        assertThat(missed).as("violating messages not blocked by their kind at strict").isEmpty();
    }

    @Test
    void normalFlagsEveryViolatingMessageAndBlocksTheObfuscatedOnes() {
        List<String> missed = new ArrayList<>();
        for (Corpus.Violation violation : violating) {
            Verdict verdict = checker.check(MessageFacts.text(violation.text()), Strictness.NORMAL);
            boolean obfuscated = verdict.hits().stream().anyMatch(RuleHit::obfuscated);
            if (verdict.decision() == Decision.ALLOW || obfuscated && !verdict.blocked()) {
                missed.add(verdict.decision().code() + " " + verdict.hits() + ": " + violation.text());
            }
        }
        assertThat(missed).as("violating messages let through at normal").isEmpty();
    }

    @Test
    void printsPrecisionAndRecallPerLevel() {
        Map<Strictness, double[]> figures = new EnumMap<>(Strictness.class);
        System.out.println("moderation corpus: " + benign.size() + " benign, " + violating.size() + " violating");
        System.out.println("level     benign flagged  benign blocked  precision  recall(flagged)  recall(blocked)");
        for (Strictness level : Strictness.values()) {
            int[] benignCounts = count(benign, level);
            int[] violatingCounts = count(violating.stream().map(Corpus.Violation::text).toList(), level);
            int flaggedRight = violatingCounts[0];
            int flaggedWrong = benignCounts[0];
            double precision = flaggedRight + flaggedWrong == 0 ? 1 : flaggedRight / (double) (flaggedRight + flaggedWrong);
            double recallFlagged = flaggedRight / (double) violating.size();
            double recallBlocked = violatingCounts[1] / (double) violating.size();
            figures.put(level, new double[] {precision, recallFlagged, recallBlocked});
            System.out.println(String.format(Locale.ROOT, "%-9s %14d  %14d  %9.3f  %15.3f  %15.3f", level.code(),
                    benignCounts[0], benignCounts[1], precision, recallFlagged, recallBlocked));
        }
        assertThat(figures.get(Strictness.NORMAL)[0]).isEqualTo(1.0);
        assertThat(figures.get(Strictness.STRICT)[2]).isEqualTo(1.0);
        assertThat(figures.get(Strictness.RELAXED)[1]).isLessThan(figures.get(Strictness.NORMAL)[1]);
    }

    /** {flagged (strike or block), blocked} among the texts at the level. */
    private int[] count(List<String> texts, Strictness level) {
        int flagged = 0;
        int blocked = 0;
        for (String text : texts) {
            Decision decision = checker.check(MessageFacts.text(text), level).decision();
            flagged += decision != Decision.ALLOW ? 1 : 0;
            blocked += decision == Decision.BLOCK ? 1 : 0;
        }
        return new int[] {flagged, blocked};
    }
}
