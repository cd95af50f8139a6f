package org.luvhive.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one message in a chat, as Telegram would show it: the Bot API Message JSON
 * plus the reply markup as the bot sent it (reply keyboards do not appear in Message JSON).
 * Immutable and thread-safe: the emulator hands out deep copies.
 *
 * @param json        the Bot API Message object
 * @param fromBot     whether the bot sent it (false: a simulated user did)
 * @param replyMarkup the reply_markup the bot sent with it, or null
 * @param reactionTypes the bot's reaction on it (setMessageReaction): an array of ReactionType, or null
 */
public record ChatMessage(JsonNode json, boolean fromBot, JsonNode replyMarkup, JsonNode reactionTypes) {

    public ChatMessage(JsonNode json, boolean fromBot, JsonNode replyMarkup) {
        this(json, fromBot, replyMarkup, null);
    }

    public int messageId() {
        return json.path("message_id").asInt();
    }

    public long chatId() {
        return json.path("chat").path("id").asLong();
    }

    /** Unix seconds. */
    public long date() {
        return json.path("date").asLong();
    }

    /** The text, or the caption of a media message, or "" when there is neither. */
    public String text() {
        if (json.hasNonNull("text")) {
            return json.get("text").asText();
        }
        return json.path("caption").asText("");
    }

    public boolean hasText() {
        return json.hasNonNull("text");
    }

    public Optional<String> caption() {
        return json.hasNonNull("caption") ? Optional.of(json.get("caption").asText()) : Optional.empty();
    }

    /** The media kind, if this is a media message. */
    public Optional<MediaKind> mediaKind() {
        for (MediaKind kind : MediaKind.values()) {
            if (json.has(kind.field())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The file_id of the media (the largest photo size for photos). */
    public Optional<String> fileId() {
        return mediaKind().map(kind -> {
            JsonNode media = json.get(kind.field());
            JsonNode file = media.isArray() ? media.get(media.size() - 1) : media;
            return file.path("file_id").asText();
        });
    }

    /** Whether the media is covered with a spoiler (Bot API {@code has_media_spoiler}): blurred until tapped. */
    public boolean hasMediaSpoiler() {
        return json.path("has_media_spoiler").asBoolean(false);
    }

    public boolean isEdited() {
        return json.has("edit_date");
    }

    public boolean isInvoice() {
        return json.has("invoice");
    }

    public boolean isForwarded() {
        return json.has("forward_origin");
    }

    /** The message this one replies to, if any. */
    public Optional<Integer> replyToMessageId() {
        JsonNode reply = json.get("reply_to_message");
        return reply == null ? Optional.empty() : Optional.of(reply.path("message_id").asInt());
    }

    /** All inline keyboard buttons, row by row. */
    public List<InlineButton> inlineButtons() {
        List<InlineButton> buttons = new ArrayList<>();
        for (JsonNode row : json.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                buttons.add(new InlineButton(button.path("text").asText(),
                        button.hasNonNull("callback_data") ? button.get("callback_data").asText() : null,
                        button.hasNonNull("url") ? button.get("url").asText() : null));
            }
        }
        return buttons;
    }

    public boolean hasCallbackButton(String callbackData) {
        return inlineButtons().stream().anyMatch(button -> callbackData.equals(button.callbackData()));
    }

    /** The texts of a reply keyboard sent with this message, row by row flattened. */
    public List<String> replyKeyboardButtons() {
        List<String> texts = new ArrayList<>();
        if (replyMarkup != null) {
            for (JsonNode row : replyMarkup.path("keyboard")) {
                for (JsonNode button : row) {
                    texts.add(button.isTextual() ? button.asText() : button.path("text").asText());
                }
            }
        }
        return texts;
    }

    /** The emoji the bot reacted with, empty when it did not (or removed its reaction). */
    public List<String> reactions() {
        List<String> emoji = new ArrayList<>();
        if (reactionTypes != null) {
            reactionTypes.forEach(type -> emoji.add(type.path("emoji").asText()));
        }
        return emoji;
    }

    @Override
    public String toString() {
        return (fromBot ? "bot" : "user") + "#" + messageId() + " " + json;
    }
}
