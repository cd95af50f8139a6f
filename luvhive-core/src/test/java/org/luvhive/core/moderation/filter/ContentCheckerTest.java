package org.luvhive.core.moderation.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision table, the views each rule kind matches on, and what a verdict may keep. */
class ContentCheckerTest {

    private static final Duration ESTABLISHED = Duration.ofDays(30);

    private final ContentChecker checker = new ContentChecker(List.of(
            Rule.detector("links.invite", RuleKind.INVITE_LINK, Severity.HIGH),
            Rule.detector("links.url", RuleKind.URL, Severity.LOW),
            Rule.detector("contact.username", RuleKind.USERNAME, Severity.MEDIUM),
            Rule.detector("contact.phone", RuleKind.PHONE, Severity.HIGH),
            Rule.detector("contact.email", RuleKind.EMAIL, Severity.HIGH),
            Rule.words("words.apps", Severity.LOW, List.of("telegram", "whatsapp")),
            Rule.words("words.ru", Severity.MEDIUM, List.of("телеграм", "звони")),
            Rule.words("words.zh", Severity.MEDIUM, List.of("微信")),
            Rule.detector("behaviour.duplicate", RuleKind.DUPLICATE, Severity.MEDIUM),
            Rule.detector("behaviour.churn", RuleKind.CHURN, Severity.LOW)), ModerationPolicy.defaults());

    private Verdict check(String text, Strictness level) {
        return checker.check(MessageFacts.text(text).withAccountAge(ESTABLISHED), level);
    }

    @Test
    void eachLevelMapsSeverityToItsDecision() {
        // low: links.url; medium: contact.username; high: contact.phone
        assertThat(check("see https://example.org", Strictness.RELAXED).decision()).isEqualTo(Decision.ALLOW);
        assertThat(check("see https://example.org", Strictness.NORMAL).decision()).isEqualTo(Decision.STRIKE);
        assertThat(check("see https://example.org", Strictness.STRICT).decision()).isEqualTo(Decision.BLOCK);
        assertThat(check("add @someone_here", Strictness.RELAXED).decision()).isEqualTo(Decision.STRIKE);
        assertThat(check("add @someone_here", Strictness.NORMAL).decision()).isEqualTo(Decision.BLOCK);
        assertThat(check("call +49 170 1234567", Strictness.RELAXED).decision()).isEqualTo(Decision.BLOCK);
        assertThat(check("hello there", Strictness.LOCKDOWN).decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void anObfuscatedHitCountsOneSeverityWorse() {
        Verdict plain = check("do you use telegram?", Strictness.NORMAL);
        assertThat(plain.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.obfuscated()).isFalse();
            assertThat(hit.severity()).isEqualTo(Severity.LOW);
        });
        assertThat(plain.decision()).isEqualTo(Decision.STRIKE);
        for (String hidden : List.of("t e l e g r a m", "𝐭𝐞𝐥𝐞𝐠𝐫𝐚𝐦", "w.h.a.t.s.a.p.p", "tеlеgram", "te\u200Blegram",
                "t3l3gr4m", "wh@ts4pp", "ᴛᴇʟᴇɢʀᴀᴍ", "télégram")) {
            Verdict verdict = check(hidden, Strictness.NORMAL);
            assertThat(verdict.decision()).as(hidden).isEqualTo(Decision.BLOCK);
            assertThat(verdict.hits()).as(hidden).singleElement().satisfies(hit -> {
                assertThat(hit.obfuscated()).isTrue();
                assertThat(hit.severity()).isEqualTo(Severity.MEDIUM);
            });
        }
    }

    @Test
    void wordsMatchWholeWordsNeverParts() {
        assertThat(check("telegrams were sent in 1900", Strictness.STRICT).hits()).isEmpty();
        assertThat(check("a telegraph pole", Strictness.STRICT).hits()).isEmpty();
        assertThat(check("whats app?", Strictness.NORMAL).rules()).containsExactly("words.apps");
    }

    @Test
    void substitutionsStayInTheirScript() {
        // Cyrillic words read 3 as з and 0 as о, never as Latin letters
        assertThat(check("3в0ни мне", Strictness.NORMAL).rules()).containsExactly("words.ru");
        assertThat(check("пиши в телеграм", Strictness.NORMAL).rules()).containsExactly("words.ru");
        assertThat(check("Привет, как дела? Мне 25, я из Москвы", Strictness.LOCKDOWN).hits()).isEmpty();
        // numbers without letters stay numbers: no "ies" out of 135
        assertThat(check("135 people came", Strictness.LOCKDOWN).hits()).isEmpty();
        // scripts without blanks match inside the text
        assertThat(check("加我微信吧", Strictness.NORMAL).rules()).containsExactly("words.zh");
    }

    @Test
    void newAccountsAreJudgedOneLevelStricterAndWaitForMedia() {
        MessageFacts link = MessageFacts.text("see https://example.org");
        assertThat(checker.check(link.withAccountAge(Duration.ofMinutes(5)), Strictness.NORMAL).decision())
                .isEqualTo(Decision.BLOCK);
        assertThat(checker.check(link.withAccountAge(Duration.ofHours(2)), Strictness.NORMAL).decision())
                .isEqualTo(Decision.STRIKE);
        MessageFacts photo = new MessageFacts(null, true, Duration.ofMinutes(5), 0);
        assertThat(checker.check(photo, Strictness.NORMAL).decision()).as("ten minutes' media lock at normal")
                .isEqualTo(Decision.BLOCK);
        assertThat(checker.check(photo.withAccountAge(Duration.ofMinutes(10)), Strictness.NORMAL).decision())
                .isEqualTo(Decision.ALLOW);
        Verdict locked = checker.check(photo.withAccountAge(Duration.ofHours(2)), Strictness.STRICT);
        assertThat(locked.decision()).isEqualTo(Decision.BLOCK);
        assertThat(locked.countsStrike()).isFalse();
        assertThat(locked.hits()).singleElement().extracting(RuleHit::kind).isEqualTo(RuleKind.MEDIA);
        assertThat(checker.check(photo.withAccountAge(ESTABLISHED), Strictness.STRICT).decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(checker.check(photo.withAccountAge(ESTABLISHED), Strictness.LOCKDOWN).decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void lockdownKeepsNewAccountsFromSearching() {
        ModerationPolicy policy = ModerationPolicy.defaults();
        assertThat(policy.level(Strictness.STRICT).mayStartSearch(Duration.ofMinutes(1))).isTrue();
        assertThat(policy.level(Strictness.LOCKDOWN).mayStartSearch(Duration.ofMinutes(1))).isFalse();
        assertThat(policy.level(Strictness.LOCKDOWN).mayStartSearch(ESTABLISHED)).isTrue();
    }

    @Test
    void duplicatesAndChurnCountFromTheirLevelsThresholds() {
        MessageFacts text = MessageFacts.text("hey, wanna see something cool? ask me").withAccountAge(ESTABLISHED);
        assertThat(checker.check(text.withDuplicatePartners(4), Strictness.NORMAL).decision()).isEqualTo(Decision.ALLOW);
        assertThat(checker.check(text.withDuplicatePartners(5), Strictness.NORMAL).rules())
                .containsExactly("behaviour.duplicate");
        assertThat(checker.check(text.withDuplicatePartners(5), Strictness.NORMAL).decision()).isEqualTo(Decision.BLOCK);
        assertThat(checker.check(text.withDuplicatePartners(3), Strictness.LOCKDOWN).decision()).isEqualTo(Decision.BLOCK);
        assertThat(checker.checkChurn(24, ESTABLISHED, Strictness.NORMAL).decision()).isEqualTo(Decision.ALLOW);
        assertThat(checker.checkChurn(25, ESTABLISHED, Strictness.NORMAL).decision()).isEqualTo(Decision.STRIKE);
        assertThat(checker.checkChurn(15, ESTABLISHED, Strictness.STRICT).decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void theFingerprintIgnoresCaseRepeatsAndPunctuationButNotShortTexts() {
        assertThat(ContentChecker.fingerprint("Hey!! Want to see my private pics?"))
                .isEqualTo(ContentChecker.fingerprint("heeey want to see my private pics"));
        assertThat(ContentChecker.fingerprint("Hey!! Want to see my private pics?"))
                .isNotEqualTo(ContentChecker.fingerprint("Hey!! Want to see my public pics?"));
        assertThat(ContentChecker.fingerprint("hi, how are you?")).isEmpty();
    }

    @Test
    void theExcerptIsShortAndKeepsNoContactDetails() {
        Verdict verdict = check("write me at john.doe@gmail.com or +49 170 1234567, or john dot doe at gmail dot com",
                Strictness.NORMAL);
        assertThat(verdict.blocked()).isTrue();
        assertThat(verdict.excerpt()).hasSizeLessThanOrEqualTo(49).doesNotContain("john.doe", "gmail", "1234567", "170");
        Verdict word = check("my telegram is the best way", Strictness.NORMAL);
        assertThat(word.excerpt()).doesNotContain("telegram").contains("***");
        assertThat(check("hello", Strictness.NORMAL).excerpt()).isEmpty();
    }

    @Test
    void theExplanationNeverNamesTheWord() {
        Verdict verdict = check("t e l e g r a m", Strictness.NORMAL);
        assertThat(verdict.explanation()).isNotBlank().doesNotContainIgnoringCase("telegram");
    }
}
