package org.luvhive.core.moderation.filter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The views of one text that rules match on, each as lossy as its rule kind can bear:
 * <ul>
 *   <li>{@link #plain()}: the text as written, only lower-cased; a hit found here is not obfuscated;</li>
 *   <li>{@link #folded()}: NFKC, case folded, invisible characters gone;</li>
 *   <li>{@link #detectable()}: folded, look-alike letters of mixed-script words made Latin, every
 *       digit ASCII, {@code (dot)}, {@code [.]}, {@code " . "} and {@code " dot com"} made dots:
 *       for links, usernames, e-mail addresses and phone numbers;</li>
 *   <li>{@link #pieces()}: the {@link Skeleton} of the folded text, for word lists.</li>
 * </ul>
 * Immutable once built; not shared between threads.
 */
public final class TextViews {

    private static final Pattern BRACKETED_DOT = Pattern.compile("\\s*[(\\[{<]\\s*(?:\\.|dot|точка)\\s*[)\\]}>]\\s*");
    /** {@code "example dot com"}, but not {@code "the dot com bubble"}. */
    private static final Pattern WORD_DOT = Pattern.compile("(?<!(?<![\\p{L}])(?:the|an|a))\\s+(?:dot|точка)\\s+(?=(?:"
            + TopLevelDomains.ALTERNATION + "|me)(?![\\p{L}\\p{N}]))");
    private static final Pattern SPACED_DOT = Pattern.compile("(?<=[\\p{L}\\p{N}])\\s+\\.\\s+(?=[\\p{L}\\p{N}])");

    private final String plain;
    private final String folded;
    private final String unmixed;
    private final String detectable;
    private final List<Skeleton.Piece> pieces;

    private TextViews(String raw) {
        this.plain = raw.toLowerCase(Locale.ROOT);
        this.folded = Folding.fold(raw);
        this.unmixed = unmixed(folded);
        this.pieces = Skeleton.pieces(unmixed);
        this.detectable = undotted(unmixed);
    }

    public static TextViews of(String raw) {
        return new TextViews(raw == null ? "" : raw);
    }

    public String plain() {
        return plain;
    }

    public String folded() {
        return folded;
    }

    /** Folded, look-alikes of mixed-script words made Latin, digits ASCII: same length as {@link #folded()}. */
    public String unmixed() {
        return unmixed;
    }

    public String detectable() {
        return detectable;
    }

    public List<Skeleton.Piece> pieces() {
        return pieces;
    }

    /** The words of the text as written: split at blanks, punctuation trimmed from both ends. */
    public List<String> plainWords() {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int index = 0; index <= plain.length(); index++) {
            boolean blank = index == plain.length() || Character.isWhitespace(plain.charAt(index));
            if (blank && start >= 0) {
                addTrimmed(plain, start, index, words);
                start = -1;
            } else if (!blank && start < 0) {
                start = index;
            }
        }
        return words;
    }

    private static void addTrimmed(String text, int start, int end, List<String> words) {
        while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            words.add(text.substring(start, end));
        }
    }

    /** Mixed-script words get their look-alikes made Latin; every decimal digit becomes ASCII. */
    private static String unmixed(String folded) {
        StringBuilder out = null;
        int wordStart = 0;
        for (int index = 0; index <= folded.length(); index++) {
            if (index < folded.length() && folded.charAt(index) != ' ') {
                continue;
            }
            boolean mixed = Confusables.mixed(folded, wordStart, index);
            for (int at = wordStart; at < index; at++) {
                char c = folded.charAt(at);
                char replaced = mixed ? Confusables.latin(c) : c;
                if (replaced > '9' && Character.isDigit(replaced)) {
                    replaced = (char) ('0' + Character.digit(replaced, 10));
                }
                if (replaced != c && out == null) {
                    out = new StringBuilder(folded);
                }
                if (out != null) {
                    out.setCharAt(at, replaced);
                }
            }
            wordStart = index + 1;
        }
        return out == null ? folded : out.toString();
    }

    /** The text with {@code (dot)}, {@code [.]}, {@code " . "} and {@code " dot com"} made plain dots. */
    static String undotted(String text) {
        if (text.indexOf('.') < 0 && text.indexOf("dot") < 0 && text.indexOf("точка") < 0) {
            return text;
        }
        String undotted = BRACKETED_DOT.matcher(text).replaceAll(".");
        undotted = WORD_DOT.matcher(undotted).replaceAll(".");
        return SPACED_DOT.matcher(undotted).replaceAll(".");
    }
}
