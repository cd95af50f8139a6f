package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Editing and deleting messages already in a chat; not counted against the flood limits. Stateless. */
final class EditMethods {
    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply "
            + "markup are exactly the same as a current content and reply markup of the message";

    private static final int MAX_DELETED_AT_ONCE = 100;

    private EditMethods() {
    }

    static void register(MethodRegistry registry) {
        registry.add("editMessageText", EditMethods::editMessageText);
        registry.add("editMessageCaption", EditMethods::editMessageCaption);
        registry.add("editMessageReplyMarkup", EditMethods::editMessageReplyMarkup);
        registry.add("deleteMessage", EditMethods::deleteMessage);
        registry.add("deleteMessages", EditMethods::deleteMessages);
    }

    private record Target(ChatState chat, StoredMessage message) {
    }

    private static Target editable(BotState bot, ApiParams params) {
        if (params.has("inline_message_id")) {
            throw ApiError.badRequest("MESSAGE_ID_INVALID");
        }
        ChatState chat = Outbox.targetChat(bot, params);
        StoredMessage message = chat.find(params.requiredLong("message_id"))
                .orElseThrow(() -> ApiError.badRequest("message to edit not found"));
        if (!message.fromBot) {
            throw ApiError.badRequest("message can't be edited");
        }
        return new Target(chat, message);
    }

    /** The inline keyboard the message will carry after the edit; none when reply_markup is absent. */
    private static JsonNode newInlineMarkup(ApiParams params) {
        Optional<JsonNode> markup = params.json("reply_markup");
        markup.ifPresent(Outbox::validateMarkup);
        return markup.filter(node -> node.has("inline_keyboard")).map(Outbox::inlineOnly).orElse(null);
    }

    private static MethodResult editMessageText(BotState bot, ApiParams params) {
        Target target = editable(bot, params);
        MessageText text = MessageText.of(params, "text", "entities", bot.mapper());
        if (text.text().isBlank()) {
            throw ApiError.badRequest("message text is empty");
        }
        JsonNode markup = newInlineMarkup(params);
        JsonNode result = target.chat().modify(target.message(), message -> {
            ObjectNode json = message.json;
            if (!json.has("text")) {
                throw ApiError.badRequest("there is no text in the message to edit");
            }
            if (json.get("text").asText().equals(text.text()) && Objects.equals(json.get("entities"), text.entities())
                    && Objects.equals(json.get("reply_markup"), markup)) {
                throw ApiError.badRequest(NOT_MODIFIED);
            }
            text.putInto(json, "text", "entities");
            applyMarkup(message, markup, bot);
            return json.deepCopy();
        });
        return MethodResult.of(result);
    }

    private static MethodResult editMessageCaption(BotState bot, ApiParams params) {
        Target target = editable(bot, params);
        MessageText caption = MessageText.of(params, "caption", "caption_entities", bot.mapper());
        JsonNode markup = newInlineMarkup(params);
        JsonNode result = target.chat().modify(target.message(), message -> {
            ObjectNode json = message.json;
            if (json.has("text")) {
                throw ApiError.badRequest("there is no caption in the message to edit");
            }
            if (json.path("caption").asText("").equals(caption.text())
                    && Objects.equals(json.get("caption_entities"), caption.entities())
                    && Objects.equals(json.get("reply_markup"), markup)) {
                throw ApiError.badRequest(NOT_MODIFIED);
            }
            if (caption.text().isEmpty()) {
                json.remove("caption");
                json.remove("caption_entities");
            } else {
                caption.putInto(json, "caption", "caption_entities");
            }
            applyMarkup(message, markup, bot);
            return json.deepCopy();
        });
        return MethodResult.of(result);
    }

    private static MethodResult editMessageReplyMarkup(BotState bot, ApiParams params) {
        Target target = editable(bot, params);
        JsonNode markup = newInlineMarkup(params);
        JsonNode result = target.chat().modify(target.message(), message -> {
            if (Objects.equals(message.json.get("reply_markup"), markup)) {
                throw ApiError.badRequest(NOT_MODIFIED);
            }
            applyMarkup(message, markup, bot);
            return message.json.deepCopy();
        });
        return MethodResult.of(result);
    }

    private static void applyMarkup(StoredMessage message, JsonNode markup, BotState bot) {
        if (markup == null) {
            message.json.remove("reply_markup");
        } else {
            message.json.set("reply_markup", markup.deepCopy());
        }
        message.replyMarkup = markup;
        message.json.put("edit_date", bot.nowSeconds());
    }

    private static MethodResult deleteMessage(BotState bot, ApiParams params) {
        ChatState chat = bot.chat(params.chatId("chat_id"));
        StoredMessage message = chat.find(params.requiredLong("message_id"))
                .orElseThrow(() -> ApiError.badRequest("message to delete not found"));
        chat.modify(message, stored -> stored.deleted = true);
        return MethodResult.of(BooleanNode.TRUE);
    }

    /** Deletes up to 100 messages; ids not found are skipped, as on Telegram. */
    private static MethodResult deleteMessages(BotState bot, ApiParams params) {
        List<Long> ids = messageIds(params);
        ChatState chat = bot.chat(params.chatId("chat_id"));
        for (long id : ids) {
            chat.find(id).ifPresent(message -> chat.modify(message, stored -> stored.deleted = true));
        }
        return MethodResult.of(BooleanNode.TRUE);
    }

    private static List<Long> messageIds(ApiParams params) {
        if (params.string("message_ids").filter(raw -> !raw.isEmpty()).isEmpty()) {
            throw ApiError.badRequest("message identifiers are not specified");
        }
        JsonNode array = params.json("message_ids").orElseThrow();
        if (!array.isArray()) {
            throw ApiError.badRequest("expected an Array of message identifiers");
        }
        if (array.size() > MAX_DELETED_AT_ONCE) {
            throw ApiError.badRequest("too many message identifiers specified");
        }
        if (array.isEmpty()) {
            throw ApiError.badRequest("message identifiers are not specified");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : array) {
            if (!id.isNumber() && !id.isTextual()) {
                throw ApiError.badRequest("message identifier must be a Number");
            }
            long value;
            try {
                value = id.isIntegralNumber() ? id.asLong() : Integer.parseInt(id.asText().trim());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("can't parse message identifier as a Number");
            }
            if (value <= 0 || value > Integer.MAX_VALUE) {
                throw ApiError.badRequest(value <= 0 ? "invalid message identifier specified"
                        : "can't parse message identifier as a Number");
            }
            ids.add(value);
        }
        return ids;
    }
}
