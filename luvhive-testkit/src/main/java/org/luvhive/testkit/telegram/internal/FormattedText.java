package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Text with a parse_mode, as Telegram turns it into a message: the visible text and its
 * MessageEntity list (offsets and lengths in UTF-16 code units), or 400 {@code can't parse
 * entities: ...} where Telegram rejects the markup. HTML, MarkdownV2 and legacy Markdown.
 * Immutable and thread-safe.
 *
 * @param text     what the user sees, markup removed
 * @param entities bold, italic, links, spoilers, ... ordered by offset (longer first)
 */
public record FormattedText(String text, List<Entity> entities) {

    public FormattedText {
        entities = List.copyOf(entities);
    }

    /**
     * One MessageEntity; {@code url}, {@code language} and {@code customEmojiId} are null
     * unless the type uses them.
     */
    public record Entity(String type, int offset, int length, String url, String language, String customEmojiId) {

        static Entity of(String type, int offset, int length) {
            return new Entity(type, offset, length, null, null, null);
        }

        ObjectNode json(ObjectMapper mapper) {
            ObjectNode entity = mapper.createObjectNode().put("offset", offset).put("length", length)
                    .put("type", type);
            if (url != null) {
                entity.put("url", url);
            }
            if (language != null) {
                entity.put("language", language);
            }
            if (customEmojiId != null) {
                entity.put("custom_emoji_id", customEmojiId);
            }
            return entity;
        }
    }

    /** The text as sent (no parse_mode), or parsed; {@code parseMode} may be null. */
    public static FormattedText parse(String text, String parseMode) {
        if (parseMode == null || parseMode.isEmpty()) {
            return new FormattedText(text, List.of());
        }
        FormattedText parsed = switch (parseMode.toLowerCase(Locale.ROOT)) {
            case "html" -> HtmlMarkup.parse(text);
            case "markdownv2" -> MarkdownMarkup.parse(text, true);
            case "markdown" -> MarkdownMarkup.parse(text, false);
            default -> throw ApiError.badRequest("unsupported parse_mode");
        };
        return parsed.sorted();
    }

    /**
     * This text plus the entities Telegram finds by itself (commands, URLs, mentions, ...)
     * where no entity of a link-like kind lies already.
     */
    public FormattedText withFoundEntities() {
        List<Entity> all = new ArrayList<>(entities);
        all.addAll(AutoEntities.find(text, entities));
        return new FormattedText(text, all).sorted();
    }

    /** The visible text; {@code parseMode} may be null (plain text). */
    public static String visibleText(String text, String parseMode) {
        return parse(text, parseMode).text();
    }

    /** The entities as a JSON array for {@code entities} or {@code caption_entities}. */
    public ArrayNode entitiesJson(ObjectMapper mapper) {
        ArrayNode array = mapper.createArrayNode();
        entities.forEach(entity -> array.add(entity.json(mapper)));
        return array;
    }

    private FormattedText sorted() {
        List<Entity> kept = new ArrayList<>();
        for (Entity entity : entities) {
            if (entity.length() > 0) {
                kept.add(entity);
            }
        }
        kept.sort(Comparator.comparingInt(Entity::offset).thenComparing(Comparator.comparingInt(Entity::length)
                .reversed()));
        return new FormattedText(text, kept);
    }

    static int byteOffset(String text, int charIndex) {
        return text.substring(0, Math.max(0, charIndex)).getBytes(StandardCharsets.UTF_8).length;
    }

    static ApiError parseError(String detail) {
        return ApiError.badRequest("can't parse entities: " + detail);
    }
}
