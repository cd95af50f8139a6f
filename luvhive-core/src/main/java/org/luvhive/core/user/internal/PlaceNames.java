package org.luvhive.core.user.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what a user typed as a country or city into one stored spelling: Unicode-normalised,
 * whitespace collapsed, each word capitalised ("  new   york " becomes "New York"), so that
 * "same city" filters compare like with like. Stateless; thread-safe.
 */
public final class PlaceNames {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'’-]{1,63}");

    private PlaceNames() {
    }

    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        if (!ALLOWED.matcher(text).matches()) {
            return Optional.empty();
        }
        StringBuilder result = new StringBuilder(text.length());
        boolean startOfWord = true;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            String character = new String(Character.toChars(codePoint));
            result.append(startOfWord ? character.toUpperCase(Locale.ROOT) : character.toLowerCase(Locale.ROOT));
            startOfWord = codePoint == ' ' || codePoint == '-';
            offset += Character.charCount(codePoint);
        }
        return Optional.of(result.toString());
    }
}
