package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.luvhive.testkit.telegram.MediaKind;

/**
 * sendMediaGroup: an album of photos and videos, or of documents, or of audio files, with
 * the error texts of telegram-bot-api and TDLib. Stateless.
 */
final class MediaGroupMethods {
    private static final int MAX_ALBUM = 10;

    private MediaGroupMethods() {
    }

    static void register(MethodRegistry registry) {
        registry.add("sendMediaGroup", MediaGroupMethods::sendMediaGroup);
    }

    /** One parsed InputMedia: its kind, the file, and its caption. */
    private record Item(MediaKind kind, ApiParams.InputFile file, MessageText caption) {
    }

    private static MethodResult sendMediaGroup(BotState bot, ApiParams params) {
        List<Item> items = items(bot, params);
        if (items.size() > MAX_ALBUM) {
            throw ApiError.badRequest("too much messages to send as an album");
        }
        if (items.isEmpty()) {
            throw ApiError.badRequest("there are no messages to send");
        }
        requireHomogeneous(items);
        ChatState chat = Outbox.targetChat(bot, params);
        List<JsonNode> media = new ArrayList<>();
        for (Item item : items) {
            media.add(bot.media().resolve(item.kind(), item.file()));
        }
        String albumId = items.size() > 1 ? bot.newAlbumId() : null;
        List<Consumer<ObjectNode>> contents = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            Item item = items.get(index);
            JsonNode file = media.get(index);
            contents.add(message -> {
                if (albumId != null) {
                    message.put("media_group_id", albumId);
                }
                message.set(item.kind().field(), file);
                if (item.caption() != null) {
                    item.caption().putInto(message, "caption", "caption_entities");
                }
            });
        }
        ArrayNode result = bot.mapper().createArrayNode();
        for (StoredMessage sent : Outbox.sendAlbum(bot, params, chat, contents)) {
            result.add(chat.snapshot(sent).json());
        }
        return MethodResult.delivered(result);
    }

    private static List<Item> items(BotState bot, ApiParams params) {
        String raw = params.string("media").orElse("");
        if (raw.isEmpty()) {
            throw ApiError.badRequest("parameter \"media\" is required");
        }
        JsonNode array = params.json("media").orElseThrow();
        if (!array.isArray()) {
            throw ApiError.badRequest("expected an Array of InputMedia");
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode inputMedia : array) {
            items.add(item(bot, params, inputMedia));
        }
        return items;
    }

    private static Item item(BotState bot, ApiParams params, JsonNode inputMedia) {
        if (!inputMedia.isObject()) {
            throw unparsable("expected an Object");
        }
        MessageText caption = inputMedia.hasNonNull("caption")
                ? SendMethods.checkedCaption(MessageText.of(inputMedia.get("caption").asText(),
                        inputMedia.path("parse_mode").asText(null), inputMedia.get("caption_entities"), bot.mapper()))
                        .orElse(null)
                : null;
        String type = inputMedia.path("type").asText("");
        if (type.isEmpty()) {
            throw unparsable("field \"type\" must be of type String");
        }
        ApiParams.InputFile file = params.inputFileOf(inputMedia.path("media").asText(""))
                .filter(input -> input.isUpload() || !input.reference().isEmpty())
                .orElseThrow(() -> unparsable("media not found"));
        MediaKind kind = switch (type) {
            case "photo" -> MediaKind.PHOTO;
            case "video" -> MediaKind.VIDEO;
            case "audio" -> MediaKind.AUDIO;
            case "document" -> MediaKind.DOCUMENT;
            case "animation" -> throw unparsable("type \"animation\" can't be used in sendMediaGroup");
            default -> throw unparsable("type \"" + type + "\" is unsupported");
        };
        return new Item(kind, file, caption);
    }

    /** Documents and audio files form albums only with their own kind (TDLib's rule). */
    private static void requireHomogeneous(List<Item> items) {
        Set<MediaKind> kinds = new LinkedHashSet<>();
        items.forEach(item -> kinds.add(item.kind()));
        if (kinds.size() > 1) {
            for (MediaKind kind : kinds) {
                if (kind == MediaKind.DOCUMENT || kind == MediaKind.AUDIO) {
                    throw ApiError.badRequest(kind.field().toLowerCase(Locale.ROOT)
                            + " can't be mixed with other media types");
                }
            }
        }
    }

    private static ApiError unparsable(String detail) {
        return ApiError.badRequest("can't parse InputMedia: " + detail);
    }
}
