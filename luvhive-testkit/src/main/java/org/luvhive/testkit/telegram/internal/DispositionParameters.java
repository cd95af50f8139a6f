package org.luvhive.testkit.telegram.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a multipart part's {@code Content-Disposition}, read as leniently as
 * Telegram reads them: quoted or bare values ({@code filename=photo.jpg}, as grammY sends
 * it), any spacing around {@code ;} and {@code =}, and RFC 5987's {@code filename*}.
 * Stateless and thread-safe.
 */
final class DispositionParameters {

    private DispositionParameters() {
    }

    /** Lower-cased parameter names to their values; the leading {@code form-data} carries none. */
    static Map<String, String> parse(String disposition) {
        Map<String, String> parameters = new HashMap<>();
        int position = 0;
        int length = disposition.length();
        while (position < length) {
            int equals = -1;
            int end = position;
            while (end < length && disposition.charAt(end) != ';') {
                if (disposition.charAt(end) == '=') {
                    equals = end;
                    break;
                }
                end++;
            }
            if (equals < 0) {
                position = end + 1; // a bare token such as form-data
                continue;
            }
            String key = disposition.substring(position, equals).trim().toLowerCase(Locale.ROOT);
            int valueStart = skipSpaces(disposition, equals + 1);
            StringBuilder value = new StringBuilder();
            int next;
            if (valueStart < length && disposition.charAt(valueStart) == '"') {
                next = readQuoted(disposition, valueStart + 1, value);
                while (next < length && disposition.charAt(next) != ';') {
                    next++;
                }
            } else {
                next = disposition.indexOf(';', valueStart);
                next = next < 0 ? length : next;
                value.append(disposition, valueStart, next);
            }
            parameters.put(key, key.endsWith("*") ? value.toString() : value.toString().trim());
            position = next + 1;
        }
        String extended = parameters.remove("filename*");
        if (extended != null) {
            parameters.put("filename", decodeExtended(extended.trim()));
        }
        return parameters;
    }

    private static int skipSpaces(String text, int index) {
        while (index < text.length() && text.charAt(index) == ' ') {
            index++;
        }
        return index;
    }

    /** Reads up to the closing quote (backslash escapes the next character); returns the index after it. */
    private static int readQuoted(String text, int index, StringBuilder value) {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c == '\\' && index + 1 < text.length()) {
                value.append(text.charAt(index + 1));
                index += 2;
            } else if (c == '"') {
                return index + 1;
            } else {
                value.append(c);
                index++;
            }
        }
        return index;
    }

    /** {@code UTF-8''na%C3%AFve.txt}: charset, language, percent-encoded bytes. */
    private static String decodeExtended(String value) {
        int quote = value.indexOf("''");
        String encoded = quote < 0 ? value : value.substring(quote + 2);
        try {
            // The parser hands us ISO-8859-1 text; the percent escapes are ASCII either way.
            return new String(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException malformed) {
            return encoded;
        }
    }
}
