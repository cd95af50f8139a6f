package org.luvhive.core.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every text the bot sends, from the message bundles {@code i18n/messages*.properties}
 * (UTF-8): English in {@code messages.properties}, one file per other {@link Language}.
 * A pattern's {@code {0}}, {@code {1}}, ... are replaced by the arguments as they are,
 * with no other syntax (apostrophes need no escaping). A key missing from a translation
 * falls back to English; a key English lacks is a programming error and throws
 * ({@code TextBundlesTest} keeps the bundles complete). The bundles are cached by the
 * JDK's {@link ResourceBundle}; stateless and thread-safe.
 */
public final class Texts {

    static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Texts() {
    }

    /** The text of {@code key} in {@code language}, with its placeholders filled. */
    public static String of(Language language, String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle(language).getString(key);
        } catch (MissingResourceException missing) {
            throw new IllegalArgumentException("no text '" + key + "' in the message bundles", missing);
        }
        return format(pattern, arguments);
    }

    /** Whether English has a text for {@code key}. */
    public static boolean has(String key) {
        return bundle(Language.DEFAULT).containsKey(key);
    }

    /**
     * The keys the file of {@code language} itself defines (a translation's missing keys
     * fall back to English at run time; this shows them).
     */
    public static Set<String> ownKeys(Language language) {
        String resource = BUNDLE.replace('.', '/') + (language == Language.DEFAULT ? "" : "_" + language.code())
                + ".properties";
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Set.of();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new TreeSet<>(properties.stringPropertyNames());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + resource, unreadable);
        }
    }

    private static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK);
    }

    /** Replaces {@code {n}} by the n-th argument; other braces stay as they are. */
    static String format(String pattern, Object... arguments) {
        if (arguments.length == 0 || pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder result = new StringBuilder(pattern.length() + 16 * arguments.length);
        int index = 0;
        while (index < pattern.length()) {
            char character = pattern.charAt(index);
            int close = character == '{' ? pattern.indexOf('}', index) : -1;
            if (close > index + 1 && close - index <= 3 && pattern.substring(index + 1, close).chars()
                    .allMatch(Character::isDigit)) {
                int position = Integer.parseInt(pattern.substring(index + 1, close));
                if (position < arguments.length) {
                    result.append(arguments[position]);
                    index = close + 1;
                    continue;
                }
            }
            result.append(character);
            index++;
        }
        return result.toString();
    }
}
