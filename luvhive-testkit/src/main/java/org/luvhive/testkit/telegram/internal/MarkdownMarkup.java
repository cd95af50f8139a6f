package org.luvhive.testkit.telegram.internal;

import static org.luvhive.testkit.telegram.internal.FormattedText.byteOffset;
import static org.luvhive.testkit.telegram.internal.FormattedText.parseError;

import java.util.ArrayList;
import java.util.List;

/**
 * parse_mode MarkdownV2 (nested entities, escapes, spoilers, underline, block quotes, and
 * every reserved character escaped) and legacy Markdown (bold, italic, code, pre, links;
 * no nesting). Not thread-safe: one instance parses one text.
 */
final class MarkdownMarkup {
    private static final String RESERVED = "_*[]()~`>#+-=|{}.!";
    private static final String LEGACY_ESCAPABLE = "_*`[";

    private final String text;
    private final boolean v2;
    private final StringBuilder visible = new StringBuilder();
    private final List<Open> open = new ArrayList<>();
    private final List<FormattedText.Entity> entities = new ArrayList<>();
    private int quoteStart = -1;
    private int i;

    /** An entity whose closing marker is still to come. */
    private record Open(String marker, int offset, int textIndex, String language) {
    }

    private MarkdownMarkup(String text, boolean v2) {
        this.text = text;
        this.v2 = v2;
    }

    static FormattedText parse(String text, boolean v2) {
        return new MarkdownMarkup(text, v2).run();
    }

    private FormattedText run() {
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean inCode = inCode();
            if (v2 && !inCode && c == '>' && atLineStart()) {
                if (quoteStart < 0) {
                    quoteStart = visible.length();
                }
                i++;
                continue;
            }
            if (c == '\n' && quoteStart >= 0 && !text.startsWith(">", i + 1)) {
                closeQuote();
            }
            if (c == '\\' && i + 1 < text.length() && (v2 || LEGACY_ESCAPABLE.indexOf(text.charAt(i + 1)) >= 0)) {
                visible.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            String marker = markerAt(inCode);
            if (marker != null) {
                toggle(marker);
                continue;
            }
            if (!inCode && c == ']' && isOpen("[")) {
                closeLink();
                continue;
            }
            if (v2 && !inCode && RESERVED.indexOf(c) >= 0) {
                throw parseError("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
            }
            visible.append(c);
            i++;
        }
        if (!open.isEmpty()) {
            throw parseError("Can't find end of the entity starting at byte offset "
                    + byteOffset(text, open.get(open.size() - 1).textIndex()));
        }
        closeQuote();
        return new FormattedText(visible.toString(), entities);
    }

    private boolean inCode() {
        return isOpen("`") || isOpen("```");
    }

    private boolean atLineStart() {
        return i == 0 || text.charAt(i - 1) == '\n';
    }

    /** The marker at {@code i}, or null. In code only its own closing marker counts; legacy Markdown never nests. */
    private String markerAt(boolean inCode) {
        String marker = null;
        if (text.startsWith("```", i)) {
            marker = "```";
        } else if (v2 && (text.startsWith("||", i) || text.startsWith("__", i))) {
            marker = text.substring(i, i + 2);
        } else {
            char c = text.charAt(i);
            if (c == '*' || c == '_' || c == '`' || v2 && c == '~' || c == '[') {
                marker = String.valueOf(c);
            }
        }
        if (marker == null) {
            return null;
        }
        if (inCode || !v2 && !open.isEmpty()) {
            return isOpen(marker) && !marker.equals("[") ? marker : null;
        }
        return marker;
    }

    private boolean isOpen(String marker) {
        return open.stream().anyMatch(entity -> entity.marker().equals(marker));
    }

    private void toggle(String marker) {
        i += marker.length();
        for (int index = open.size() - 1; index >= 0; index--) {
            Open entity = open.get(index);
            if (entity.marker().equals(marker) && !marker.equals("[")) {
                open.remove(index);
                entities.add(new FormattedText.Entity(type(marker), entity.offset(), visible.length() - entity.offset(),
                        null, entity.language(), null));
                return;
            }
        }
        String language = null;
        if (marker.equals("```")) {
            int lineEnd = text.indexOf('\n', i);
            String firstLine = lineEnd < 0 ? "" : text.substring(i, lineEnd);
            if (lineEnd >= 0 && firstLine.matches("[A-Za-z0-9_+#.-]*")) {
                language = firstLine.isEmpty() ? null : firstLine;
                i = lineEnd + 1;
            }
        }
        open.add(new Open(marker, visible.length(), i - marker.length(), language));
    }

    /** {@code [text](url)}: the text becomes a text_link to the url; a bare {@code [text]} is literal in Markdown. */
    private void closeLink() {
        int index = open.size() - 1;
        while (!open.get(index).marker().equals("[")) {
            index--;
        }
        Open link = open.remove(index);
        i++;
        if (!text.startsWith("(", i)) {
            if (v2) {
                throw parseError("Character ']' is reserved and must be escaped with the preceding '\\'");
            }
            visible.insert(link.offset(), '[').append(']');
            return;
        }
        StringBuilder url = new StringBuilder();
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != ')') {
            if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                j++;
            }
            url.append(text.charAt(j++));
        }
        if (j >= text.length()) {
            throw parseError("Can't find end of a URL at byte offset " + byteOffset(text, i));
        }
        i = j + 1;
        entities.add(new FormattedText.Entity("text_link", link.offset(), visible.length() - link.offset(),
                url.toString(), null, null));
    }

    private void closeQuote() {
        if (quoteStart >= 0) {
            entities.add(FormattedText.Entity.of("blockquote", quoteStart, visible.length() - quoteStart));
            quoteStart = -1;
        }
    }

    private String type(String marker) {
        return switch (marker) {
            case "*" -> "bold";
            case "_" -> "italic";
            case "__" -> "underline";
            case "~" -> "strikethrough";
            case "||" -> "spoiler";
            case "`" -> "code";
            case "```" -> "pre";
            default -> throw new IllegalArgumentException(marker);
        };
    }
}
