package org.luvhive.core.moderation.filter.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The lossy view word lists are matched on: accents dropped from Latin, Cyrillic and Greek
 * letters, {@code l} and {@code i} one letter, digits and {@code @ $ | !} read as the
 * letters they stand for (0/o 1/i/l 3/e 4/a 5/s 7/t @/a $/s, Cyrillic 0/о 3/з 4/ч 6/б)
 * but only inside words that have letters, so numbers stay numbers; repeated letters
 * squeezed; everything else separates pieces. Terms go through the same steps, so a
 * term and the text meet in one alphabet. Stateless.
 */
public final class Skeleton {

    /** A run of letters and digits and the index of the blank-separated word it came from. */
    public record Piece(String text, int word) {
    }

    private static final String LATIN_DIGITS = "oi.eas.t..";   // index = digit, '.' = stays a digit
    private static final String CYRILLIC_DIGITS = "\u043e..\u0437\u0447.\u0431...";

    private Skeleton() {
    }

    /** The pieces of a folded text whose mixed-script words were already unmixed. */
    public static List<Piece> pieces(String folded) {
        List<Piece> pieces = new ArrayList<>();
        int word = 0;
        int start = 0;
        for (int index = 0; index <= folded.length(); index++) {
            if (index == folded.length() || folded.charAt(index) == ' ') {
                if (index > start) {
                    addPieces(folded.substring(start, index), word++, pieces);
                }
                start = index + 1;
            }
        }
        return pieces;
    }

    /** A term's key: its pieces run together, squeezed across their joins. */
    public static String key(String foldedTerm) {
        StringBuilder key = new StringBuilder();
        for (Piece piece : pieces(foldedTerm)) {
            appendSqueezed(key, piece.text());
        }
        return key.toString();
    }

    /** Appends {@code text}, dropping its first letter when it repeats the last one already there. */
    public static void appendSqueezed(StringBuilder to, String text) {
        int from = to.length() > 0 && text.charAt(0) == to.charAt(to.length() - 1) ? 1 : 0;
        to.append(text, from, text.length());
    }

    private static void addPieces(String word, int wordIndex, List<Piece> pieces) {
        String bare = withoutAccents(word);
        boolean hasLetter = false;
        boolean cyrillic = false;
        boolean latin = false;
        for (int index = 0; index < bare.length(); index++) {
            char c = bare.charAt(index);
            if (Character.isLetter(c)) {
                hasLetter = true;
                Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
                cyrillic |= block == Character.UnicodeBlock.CYRILLIC;
                latin |= c < 0x250;
            }
        }
        String digits = cyrillic && !latin ? CYRILLIC_DIGITS : LATIN_DIGITS;
        StringBuilder piece = new StringBuilder();
        for (int index = 0; index < bare.length(); index++) {
            char mapped = mapped(bare, index, hasLetter, digits);
            if (mapped == 0) {
                flush(piece, wordIndex, pieces);
            } else if (piece.length() == 0 || piece.charAt(piece.length() - 1) != mapped) {
                piece.append(mapped);
            }
        }
        flush(piece, wordIndex, pieces);
    }

    /** What the character reads as in the skeleton, or 0 for a separator. */
    private static char mapped(String word, int index, boolean hasLetter, String digits) {
        char c = word.charAt(index);
        if (c >= '0' && c <= '9') {
            char letter = digits.charAt(c - '0');
            return hasLetter && letter != '.' ? letter : c;
        }
        if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
            return c == 'l' || c == 'ı' ? 'i' : c;
        }
        boolean letterBefore = index > 0 && Character.isLetterOrDigit(word.charAt(index - 1));
        boolean letterAfter = index + 1 < word.length() && Character.isLetterOrDigit(word.charAt(index + 1));
        return switch (c) {
            case '@' -> letterBefore && letterAfter ? 'a' : 0;
            case '$' -> index > 0 && Character.isLetter(word.charAt(index - 1))
                    || index + 1 < word.length() && Character.isLetter(word.charAt(index + 1)) ? 's' : 0;
            case '|', '!' -> letterBefore && letterAfter ? 'i' : 0;
            default -> 0;
        };
    }

    private static void flush(StringBuilder piece, int wordIndex, List<Piece> pieces) {
        if (piece.length() > 0) {
            pieces.add(new Piece(piece.toString(), wordIndex));
            piece.setLength(0);
        }
    }

    /** Drops combining marks that sit on Latin, Cyrillic or Greek letters; other scripts keep theirs. */
    private static String withoutAccents(String word) {
        boolean plain = true;
        for (int index = 0; index < word.length() && plain; index++) {
            plain = word.charAt(index) < 0xC0;
        }
        if (plain) {
            return word;
        }
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        char base = 0;
        for (int index = 0; index < decomposed.length(); index++) {
            char c = decomposed.charAt(index);
            if (Character.getType(c) == Character.NON_SPACING_MARK && accentable(base)) {
                continue;
            }
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                base = c;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean accentable(char base) {
        if (base < 0x250) {
            return Character.isLetter(base);
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(base);
        return block == Character.UnicodeBlock.CYRILLIC || block == Character.UnicodeBlock.GREEK;
    }
}
