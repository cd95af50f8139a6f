package org.luvhive.core.moderation.filter.internal;

/**
 * Cyrillic and Greek letters that look like Latin ones, mapped to them only inside a word
 * that mixes them with Latin letters ({@code tеlеgram} with Cyrillic {@code е}): a word
 * written wholly in Cyrillic or Greek is a word of that language and stays as it is.
 * Stateless.
 */
final class Confusables {

    private static final String FROM = "аеорсухкмтнвіјѕԁһԛԝӏɡαεοιρτυνκχβ";
    private static final String TO = "aeopcyxkmthbijsdhqwlgaeoiptuvkxb";

    private Confusables() {
    }

    /** The Latin look-alike of {@code c}, or {@code c}. */
    static char latin(char c) {
        int at = FROM.indexOf(c);
        return at < 0 ? c : TO.charAt(at);
    }

    static boolean isLookAlike(char c) {
        return FROM.indexOf(c) >= 0;
    }

    /** True when the word has at least one Latin letter and one look-alike of another script. */
    static boolean mixed(CharSequence text, int start, int end) {
        boolean latin = false;
        boolean lookAlike = false;
        for (int index = start; index < end; index++) {
            char c = text.charAt(index);
            if (c >= 'a' && c <= 'z') {
                latin = true;
            } else if (isLookAlike(c)) {
                lookAlike = true;
            }
        }
        return latin && lookAlike;
    }
}
