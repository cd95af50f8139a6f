package org.luvhive.testkit.telegram.internal;

import static org.luvhive.testkit.telegram.internal.FormattedText.byteOffset;
import static org.luvhive.testkit.telegram.internal.FormattedText.parseError;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** parse_mode HTML: the tags Telegram supports, turned into entities. Stateless and thread-safe. */
final class HtmlMarkup {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");

    /**
     * A tag that is open: where its content starts in the visible text, its attributes, and
     * for {@code pre} the language a {@code <code class="language-x">} inside it named.
     * Not thread-safe; lives for one parse.
     */
    private static final class OpenTag {
        final String name;
        final int offset;
        final Map<String, String> attributes;
        String language;

        OpenTag(String name, int offset, Map<String, String> attributes) {
            this.name = name;
            this.offset = offset;
            this.attributes = attributes;
        }
    }

    private HtmlMarkup() {
    }

    static FormattedText parse(String text) {
        StringBuilder visible = new StringBuilder();
        Deque<OpenTag> open = new ArrayDeque<>();
        List<FormattedText.Entity> entities = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<') {
                int close = text.indexOf('>', i);
                boolean endTag = text.startsWith("/", i + 1);
                int nameStart = endTag ? i + 2 : i + 1;
                String name = tagName(text, nameStart);
                if (!endTag && !TAGS.contains(name)) {
                    throw parseError("Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(text, i));
                }
                if (close < 0) {
                    throw parseError("Unclosed start tag at byte offset " + byteOffset(text, i));
                }
                if (endTag) {
                    if (open.isEmpty() || !open.peek().name.equals(name)) {
                        throw parseError("Unmatched end tag at byte offset " + byteOffset(text, i)
                                + ", expected \"</" + (open.isEmpty() ? "" : open.peek().name) + ">\", found \"</"
                                + name + ">\"");
                    }
                    OpenTag tag = open.pop();
                    entities.addAll(entities(tag, visible.length(), open));
                } else {
                    open.push(new OpenTag(name, visible.length(),
                            attributes(text.substring(nameStart + name.length(), close))));
                }
                i = close + 1;
            } else if (c == '&') {
                int end = text.indexOf(';', i);
                String decoded = end < 0 ? null : decodeEntity(text.substring(i + 1, end));
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
            throw parseError("Can't find end tag corresponding to start tag \"" + open.peek().name + "\"");
        }
        return new FormattedText(visible.toString(), entities);
    }

    private static List<FormattedText.Entity> entities(OpenTag tag, int end, Deque<OpenTag> outer) {
        int offset = tag.offset;
        int length = end - offset;
        Map<String, String> attributes = tag.attributes;
        return switch (tag.name) {
            case "b", "strong" -> List.of(FormattedText.Entity.of("bold", offset, length));
            case "i", "em" -> List.of(FormattedText.Entity.of("italic", offset, length));
            case "u", "ins" -> List.of(FormattedText.Entity.of("underline", offset, length));
            case "s", "strike", "del" -> List.of(FormattedText.Entity.of("strikethrough", offset, length));
            case "tg-spoiler" -> List.of(FormattedText.Entity.of("spoiler", offset, length));
            case "span" -> "tg-spoiler".equals(attributes.get("class"))
                    ? List.of(FormattedText.Entity.of("spoiler", offset, length)) : List.of();
            case "a" -> attributes.containsKey("href")
                    ? List.of(new FormattedText.Entity("text_link", offset, length, attributes.get("href"), null, null))
                    : List.of();
            case "tg-emoji" -> List.of(new FormattedText.Entity("custom_emoji", offset, length, null, null,
                    attributes.getOrDefault("emoji-id", "0")));
            case "code" -> {
                if (!outer.isEmpty() && outer.peek().name.equals("pre")) {
                    String type = attributes.getOrDefault("class", "");
                    outer.peek().language = type.startsWith("language-") ? type.substring("language-".length()) : null;
                    yield List.of();
                }
                yield List.of(FormattedText.Entity.of("code", offset, length));
            }
            case "pre" -> List.of(new FormattedText.Entity("pre", offset, length, null, tag.language, null));
            case "blockquote" -> List.of(FormattedText.Entity.of(
                    attributes.containsKey("expandable") ? "expandable_blockquote" : "blockquote", offset, length));
            default -> List.of();
        };
    }

    private static String tagName(String text, int start) {
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>'
                && text.charAt(end) != '/') {
            end++;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** {@code href="x" class='y' expandable}: names lower-cased, quotes removed, entities decoded. */
    private static Map<String, String> attributes(String raw) {
        Map<String, String> attributes = new HashMap<>();
        int i = 0;
        while (i < raw.length()) {
            while (i < raw.length() && (Character.isWhitespace(raw.charAt(i)) || raw.charAt(i) == '/')) {
                i++;
            }
            int nameStart = i;
            while (i < raw.length() && raw.charAt(i) != '=' && !Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            String name = raw.substring(nameStart, i).toLowerCase(Locale.ROOT);
            String value = "";
            if (i < raw.length() && raw.charAt(i) == '=') {
                i++;
                char quote = i < raw.length() ? raw.charAt(i) : ' ';
                int valueEnd;
                if (quote == '"' || quote == '\'') {
                    valueEnd = raw.indexOf(quote, i + 1);
                    valueEnd = valueEnd < 0 ? raw.length() : valueEnd;
                    value = raw.substring(i + 1, valueEnd);
                    i = valueEnd + 1;
                } else {
                    valueEnd = i;
                    while (valueEnd < raw.length() && !Character.isWhitespace(raw.charAt(valueEnd))) {
                        valueEnd++;
                    }
                    value = raw.substring(i, valueEnd);
                    i = valueEnd;
                }
            }
            if (!name.isEmpty()) {
                attributes.put(name, decodeAll(value));
            }
        }
        return attributes;
    }

    private static String decodeAll(String value) {
        StringBuilder decoded = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int end = value.charAt(i) == '&' ? value.indexOf(';', i) : -1;
            String entity = end < 0 ? null : decodeEntity(value.substring(i + 1, end));
            if (entity == null) {
                decoded.append(value.charAt(i++));
            } else {
                decoded.append(entity);
                i = end + 1;
            }
        }
        return decoded.toString();
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
}
