package org.luvhive.core.moderation.filter.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.luvhive.core.moderation.filter.Rule;

/**
 * The words and phrases of every {@code words} rule, indexed twice: as written (lower
 * case, whole words, a phrase word by word) and as skeleton keys. A key matches a run of
 * consecutive skeleton pieces whose letters spell exactly the key, never a part of a
 * word, so {@code "sex"} never matches {@code "this exciting"}. A run may cross blanks only
 * when its pieces are single letters ({@code t e l e g r a m}) or the key is at least
 * {@value #LONG_KEY} letters long ({@code whats app}); terms in scripts written without
 * blanks (Chinese, Japanese, Thai, ...) match inside a piece. Immutable; thread-safe.
 */
public final class TermIndex {

    /** A rule's terms found in a text, and whether any was found as written. */
    public record TermHit(Rule rule, boolean asWritten) {
    }

    static final int LONG_KEY = 5;

    private final Map<String, List<Rule>> phrases = new HashMap<>();
    private final Map<String, List<Rule>> keys = new HashMap<>();
    private final Map<String, List<Rule>> unspacedKeys = new HashMap<>();
    private final int longestPhrase;
    private final int longestKey;

    public TermIndex(List<Rule> rules) {
        int phraseWords = 0;
        int keyLength = 0;
        for (Rule rule : rules) {
            for (String term : rule.terms()) {
                List<String> words = TextViews.of(term).plainWords();
                if (!words.isEmpty()) {
                    add(phrases, String.join(" ", words), rule);
                    phraseWords = Math.max(phraseWords, words.size());
                }
                String key = Skeleton.key(Folding.fold(term));
                if (!key.isEmpty()) {
                    add(unspaced(term) ? unspacedKeys : keys, key, rule);
                    keyLength = Math.max(keyLength, key.length());
                }
            }
        }
        this.longestPhrase = phraseWords;
        this.longestKey = keyLength;
    }

    public boolean isEmpty() {
        return phrases.isEmpty() && keys.isEmpty() && unspacedKeys.isEmpty();
    }

    /**
     * The rules whose terms the text holds, in first-found order; {@code matchedWords} gets
     * the blank-separated words (of the folded text) that spelled them.
     */
    public List<TermHit> find(TextViews views, BitSet matchedWords) {
        if (isEmpty()) {
            return List.of();
        }
        Map<Rule, Boolean> found = new LinkedHashMap<>();
        findKeys(views.pieces(), found, matchedWords);
        findPhrases(views.plainWords(), found);
        List<TermHit> hits = new ArrayList<>(found.size());
        found.forEach((rule, asWritten) -> hits.add(new TermHit(rule, asWritten)));
        return hits;
    }

    /** The rules whose terms the skeleton pieces spell. */
    List<TermHit> find(List<Skeleton.Piece> pieces) {
        Map<Rule, Boolean> found = new LinkedHashMap<>();
        findKeys(pieces, found, new BitSet());
        List<TermHit> hits = new ArrayList<>(found.size());
        found.forEach((rule, asWritten) -> hits.add(new TermHit(rule, asWritten)));
        return hits;
    }

    private void findKeys(List<Skeleton.Piece> pieces, Map<Rule, Boolean> found, BitSet matchedWords) {
        StringBuilder run = new StringBuilder(longestKey + 8);
        for (int first = 0; first < pieces.size(); first++) {
            run.setLength(0);
            boolean singleLetters = true;
            for (int last = first; last < pieces.size(); last++) {
                Skeleton.Piece piece = pieces.get(last);
                Skeleton.appendSqueezed(run, piece.text());
                if (run.length() > longestKey) {
                    break;
                }
                singleLetters &= piece.text().length() == 1;
                boolean oneWord = piece.word() == pieces.get(first).word();
                List<Rule> rules = keys.get(run.toString());
                if (rules != null && (oneWord || singleLetters || run.length() >= LONG_KEY)) {
                    rules.forEach(rule -> found.putIfAbsent(rule, false));
                    matchedWords.set(pieces.get(first).word(), piece.word() + 1);
                }
            }
            Skeleton.Piece piece = pieces.get(first);
            for (Map.Entry<String, List<Rule>> unspaced : unspacedKeys.entrySet()) {
                if (piece.text().contains(unspaced.getKey())) {
                    unspaced.getValue().forEach(rule -> found.putIfAbsent(rule, false));
                    matchedWords.set(piece.word());
                }
            }
        }
    }

    private void findPhrases(List<String> words, Map<Rule, Boolean> found) {
        StringBuilder phrase = new StringBuilder();
        for (int first = 0; first < words.size(); first++) {
            phrase.setLength(0);
            for (int last = first; last < words.size() && last - first < longestPhrase; last++) {
                if (last > first) {
                    phrase.append(' ');
                }
                phrase.append(words.get(last));
                markAsWritten(phrases.get(phrase.toString()), found);
            }
            if (first + 1 < words.size()) {
                markAsWritten(phrases.get(words.get(first) + words.get(first + 1)), found); // "whats app"
            }
        }
    }

    private static void markAsWritten(List<Rule> rules, Map<Rule, Boolean> found) {
        if (rules != null) {
            rules.forEach(rule -> found.put(rule, true));
        }
    }

    private static void add(Map<String, List<Rule>> index, String key, Rule rule) {
        List<Rule> rules = index.computeIfAbsent(key, ignored -> new ArrayList<>(1));
        if (!rules.contains(rule)) {
            rules.add(rule);
        }
    }

    /** True for a term in a script written without blanks between words. */
    private static boolean unspaced(String term) {
        return term.toLowerCase(Locale.ROOT).codePoints().anyMatch(codePoint -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
                    || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                    || script == Character.UnicodeScript.MYANMAR;
        });
    }
}
