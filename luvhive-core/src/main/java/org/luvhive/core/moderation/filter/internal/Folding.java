package org.luvhive.core.moderation.filter.internal;

import java.text.Normalizer;

/**
 * The normalised view of a text: Unicode NFKC (math-bold, full-width and circled letters
 * become plain ones), the Latin letters NFKC leaves fancy (small capitals, negative circled
 * and squared letters) made plain too, case folded, zero-width and bidi controls and other
 * invisible characters removed, every kind of blank one space. Stateless.
 */
public final class Folding {

    private static final String SMALL_CAPITALS = "\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b"
            + "\u029f\u1d0d\u0274\u1d0f\u1d18\u01eb\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21x\u028f\u1d22";

    private Folding() {
    }

    public static String fold(String raw) {
        String compatible = Normalizer.isNormalized(raw, Normalizer.Form.NFKC)
                ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(compatible.length());
        boolean afterBlank = true;
        for (int index = 0; index < compatible.length(); ) {
            int codePoint = compatible.codePointAt(index);
            index += Character.charCount(codePoint);
            if (invisible(codePoint)) {
                continue;
            }
            if (blank(codePoint)) {
                if (!afterBlank) {
                    out.append(' ');
                }
                afterBlank = true;
                continue;
            }
            afterBlank = false;
            out.appendCodePoint(caseFold(plainLatin(codePoint == '\u3002' ? '.' : codePoint)));
        }
        int length = out.length();
        if (length > 0 && out.charAt(length - 1) == ' ') {
            out.setLength(length - 1);
        }
        return out.toString();
    }

    /** The plain letter of a small capital or a negative circled or squared letter, else the code point. */
    static int plainLatin(int codePoint) {
        if (codePoint >= 0x1F150 && codePoint <= 0x1F169) {
            return 'a' + codePoint - 0x1F150;
        }
        if (codePoint >= 0x1F170 && codePoint <= 0x1F189) {
            return 'a' + codePoint - 0x1F170;
        }
        int smallCapital = codePoint < 0xFFFF ? SMALL_CAPITALS.indexOf(codePoint) : -1;
        return smallCapital < 0 || codePoint == 'x' ? codePoint : 'a' + smallCapital;
    }

    /** Simple case folding: upper then lower maps final sigma, long s and the like to one form. */
    static int caseFold(int codePoint) {
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }

    /** Zero-width and bidi controls (format characters) and the variation selectors and fillers that show nothing. */
    static boolean invisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT
                || codePoint == 0x034F                                  // combining grapheme joiner
                || codePoint == 0x17B4 || codePoint == 0x17B5           // Khmer inherent vowels
                || (codePoint >= 0x180B && codePoint <= 0x180F)         // Mongolian selectors
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)         // variation selectors
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
    }

    /** Spaces, line breaks, and the blank-looking letters spammers use as spaces. */
    static boolean blank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || codePoint == 0x2800                                  // braille blank
                || codePoint == 0x3164 || codePoint == 0xFFA0           // Hangul fillers
                || codePoint == 0x115F || codePoint == 0x1160;
    }
}
