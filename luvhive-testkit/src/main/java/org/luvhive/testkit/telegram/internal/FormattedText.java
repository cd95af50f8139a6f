package org.luvhive.testkit.telegram.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Checks text against its parse_mode the way Telegram rejects it ("can't parse entities")
 * and returns the text the user sees with the markup removed. Entities are not produced.
 * Stateless and thread-safe.
 */
public final class FormattedText {
    private static final Set<String> HTML_TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");
    private static final String MARKDOWN_V2_RESERVED = "_*[]()~`>#+-=|{}.!";

    private FormattedText() {
    }

    /** The visible text; {@code parseMode} may be null (plain text). */
    public static String visibleText(String text, String parseMode) {
        if (parseMode == null || parseMode.isEmpty()) {
            return text;
        }
        return switch (parseMode.toLowerCase(Locale.ROOT)) {
            case "html" -> html(text);
            case "markdownv2" -> markdown(text, true);
            case "markdown" -> markdown(text, false);
            default -> throw ApiError.badRequest("unsupported parse_mode");
        };
    }

    private static String html(String text) {
        StringBuilder visible = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<') {
                int close = text.indexOf('>', i);
                boolean endTag = text.startsWith("/", i + 1);
                String name = tagName(text, endTag ? i + 2 : i + 1);
                if (!endTag && !HTML_TAGS.contains(name)) {
                    throw parseError("Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(text, i));
                }
                if (close < 0) {
                    throw parseError("Unclosed start tag at byte offset " + byteOffset(text, i));
                }
                if (endTag) {
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        throw parseError("Unmatched end tag at byte offset " + byteOffset(text, i)
                                + ", expected \"</" + (open.isEmpty() ? "" : open.peek()) + ">\", found \"</"
                                + name + ">\"");
                    }
                    open.pop();
                } else {
                    open.push(name);
                }
                i = close + 1;
            } else if (c == '&') {
                int end = text.indexOf(';', i);
                String entity = end < 0 ? "" : text.substring(i + 1, end);
                String decoded = decodeEntity(entity);
                if (decoded == null) {
                    visible.append('&');
                    i++;
                } else {
                    visible.append(decoded);
                    i = end + 1;
                }
            } else {
                visible.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw parseError("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return visible.toString();
    }

    private static String tagName(String text, int start) {
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>'
                && text.charAt(end) != '/') {
            end++;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static String decodeEntity(String entity) {
        switch (entity) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            default:
                break;
        }
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
            }
            if (entity.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static String markdown(String text, boolean v2) {
        StringBuilder visible = new StringBuilder();
        String openMarker = null;
        int openedAt = -1;
        boolean inLinkText = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean inCode = "`".equals(openMarker) || "```".equals(openMarker);
            if (c == '\\' && v2 && i + 1 < text.length()) {
                visible.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            String marker = markerAt(text, i, v2);
            if (marker != null && (!inCode || marker.equals(openMarker))) {
                if (openMarker == null) {
                    openMarker = marker;
                    openedAt = i;
                } else if (openMarker.equals(marker)) {
                    openMarker = null;
                } else if (!v2) {
                    visible.append(marker);
                }
                i += marker.length();
                continue;
            }
            if (!inCode && c == '[') {
                inLinkText = true;
                openedAt = i;
                i++;
                continue;
            }
            if (!inCode && c == ']' && inLinkText) {
                inLinkText = false;
                int urlEnd = text.startsWith("(", i + 1) ? text.indexOf(')', i + 1) : -1;
                i = urlEnd < 0 ? i + 1 : urlEnd + 1;
                continue;
            }
            if (v2 && !inCode && MARKDOWN_V2_RESERVED.indexOf(c) >= 0 && !(c == '>' && atLineStart(text, i))) {
                throw parseError("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
            }
            visible.append(c);
            i++;
        }
        if (openMarker != null || inLinkText) {
            throw parseError("Can't find end of the entity starting at byte offset " + byteOffset(text, openedAt));
        }
        return visible.toString();
    }

    private static String markerAt(String text, int i, boolean v2) {
        if (text.startsWith("```", i)) {
            return "```";
        }
        char c = text.charAt(i);
        if (v2 && (text.startsWith("||", i) || text.startsWith("__", i))) {
            return text.substring(i, i + 2);
        }
        if (c == '*' || c == '_' || c == '`' || v2 && c == '~') {
            return String.valueOf(c);
        }
        return null;
    }

    private static boolean atLineStart(String text, int i) {
        return i == 0 || text.charAt(i - 1) == '\n';
    }

    private static int byteOffset(String text, int charIndex) {
        return text.substring(0, Math.max(0, charIndex)).getBytes(StandardCharsets.UTF_8).length;
    }

    private static ApiError parseError(String detail) {
        return ApiError.badRequest("can't parse entities: " + detail);
    }
}
