package org.luvhive.core.moderation.filter.internal;

import java.util.BitSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short excerpt a moderation decision may keep: the start of the normalised text
 * (dots undone as links are detected) with every link, username and e-mail address
 * replaced by {@code [...]}, the words that matched a list by {@code ***}, every digit by
 * {@code #} and every number word by {@code #}; at most {@value #MAX_LENGTH} characters.
 * Stateless.
 */
public final class Redaction {

    static final int MAX_LENGTH = 48;
    private static final Set<String> NUMBER_WORDS = Set.of("zero", "oh", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}*]+");

    private Redaction() {
    }

    public static String excerpt(TextViews views, BitSet matchedWords) {
        String text = TextViews.undotted(withWordsMasked(views.unmixed(), matchedWords));
        StringBuilder masked = new StringBuilder(text.length());
        int copied = 0;
        for (int[] span : Detectors.spans(text)) {
            if (span[0] >= copied) {
                masked.append(text, copied, span[0]).append("[...]");
                copied = span[1];
            }
        }
        masked.append(text, copied, text.length());
        StringBuilder out = new StringBuilder(masked.length());
        Matcher word = WORD.matcher(masked);
        int last = 0;
        while (word.find() && out.length() <= MAX_LENGTH) {
            out.append(masked, last, word.start());
            String found = word.group();
            if (found.indexOf('*') >= 0) {
                out.append("***");
            } else if (NUMBER_WORDS.contains(found)) {
                out.append('#');
            } else {
                found.chars().forEach(c -> out.append(Character.isDigit(c) ? '#' : (char) c));
            }
            last = word.end();
        }
        if (out.length() <= MAX_LENGTH) {
            out.append(masked, last, Math.min(masked.length(), last + MAX_LENGTH + 1));
        }
        if (out.length() > MAX_LENGTH) {
            int cut = Character.isHighSurrogate(out.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
            out.setLength(cut);
            out.append('…');
        }
        return out.toString();
    }

    /** The text with every letter of the matched words (blank-separated, by index) made {@code *}. */
    private static String withWordsMasked(String text, BitSet matchedWords) {
        if (matchedWords.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        int word = 0;
        for (int index = 0; index < chars.length; index++) {
            if (chars[index] == ' ') {
                word++;
            } else if (matchedWords.get(word)) {
                chars[index] = '*';
            }
        }
        return new String(chars);
    }
}
