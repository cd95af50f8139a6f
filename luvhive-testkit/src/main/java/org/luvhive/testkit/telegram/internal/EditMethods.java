package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/** Editing and deleting messages already in a chat; not counted against the flood limits. Stateless. */
final class EditMethods {
    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply "
            + "markup are exactly the same as a current content and reply markup of the message";

    private EditMethods() {
    }

    static void register(MethodRegistry registry) {
        registry.add("editMessageText", EditMethods::editMessageText);
        registry.add("editMessageCaption", EditMethods::editMessageCaption);
        registry.add("editMessageReplyMarkup", EditMethods::editMessageReplyMarkup);
        registry.add("deleteMessage", EditMethods::deleteMessage);
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
        String text = FormattedText.visibleText(params.string("text").orElse(""),
                params.string("parse_mode").orElse(null));
        if (text.isBlank()) {
            throw ApiError.badRequest("message text is empty");
        }
        JsonNode markup = newInlineMarkup(params);
        JsonNode result = target.chat().modify(target.message(), message -> {
            ObjectNode json = message.json;
            if (!json.has("text")) {
                throw ApiError.badRequest("there is no text in the message to edit");
            }
            if (json.get("text").asText().equals(text) && Objects.equals(json.get("reply_markup"), markup)) {
                throw ApiError.badRequest(NOT_MODIFIED);
            }
            json.put("text", text);
            json.remove("entities");
            params.json("entities").ifPresent(entities -> json.set("entities", entities));
            applyMarkup(message, markup, bot);
            return json.deepCopy();
        });
        return MethodResult.of(result);
    }

    private static MethodResult editMessageCaption(BotState bot, ApiParams params) {
        Target target = editable(bot, params);
        String caption = FormattedText.visibleText(params.string("caption").orElse(""),
                params.string("parse_mode").orElse(null));
        JsonNode markup = newInlineMarkup(params);
        JsonNode result = target.chat().modify(target.message(), message -> {
            ObjectNode json = message.json;
            if (json.has("text")) {
                throw ApiError.badRequest("there is no caption in the message to edit");
            }
            if (json.path("caption").asText("").equals(caption) && Objects.equals(json.get("reply_markup"), markup)) {
                throw ApiError.badRequest(NOT_MODIFIED);
            }
            json.remove("caption_entities");
            if (caption.isEmpty()) {
                json.remove("caption");
            } else {
                json.put("caption", caption);
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
}
