package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The common path of every bot send: target chat checks, reply and keyboard validation,
 * the flood limits, and storing the message. Stateless and thread-safe.
 */
public final class Outbox {
    private static final int MAX_CALLBACK_DATA_BYTES = 64;

    private Outbox() {
    }

    /** The chat a send goes to, or 400/403 as Telegram would answer. */
    public static ChatState targetChat(BotState bot, ApiParams params) {
        ChatState chat = bot.chat(params.chatId("chat_id"));
        if (chat.isPrivate() && chat.isBlocked()) {
            throw ApiError.forbidden("bot was blocked by the user");
        }
        if (!chat.isStarted()) {
            throw ApiError.forbidden("bot can't initiate conversation with a user");
        }
        return chat;
    }

    /**
     * Validates reply parameters and reply markup, takes a token from the limits, and stores
     * the message built from {@code content}. Content must already be validated: a 429 must
     * not hide a 400.
     */
    public static StoredMessage send(BotState bot, ApiParams params, ChatState chat, Consumer<ObjectNode> content) {
        return send(bot, params, chat, content, stored -> { });
    }

    /** Like {@link #send(BotState, ApiParams, ChatState, Consumer)}, completing the stored message before anyone sees it. */
    public static StoredMessage send(BotState bot, ApiParams params, ChatState chat, Consumer<ObjectNode> content,
                                     Consumer<StoredMessage> complete) {
        Optional<JsonNode> replyTo = replyTarget(params, chat);
        Optional<JsonNode> markup = params.json("reply_markup");
        markup.ifPresent(Outbox::validateMarkup);
        bot.admitSend(chat.id());
        return append(bot, chat, replyTo, markup, content, complete);
    }

    /**
     * An album (sendMediaGroup): one message per content, sharing the reply parameters. The
     * call counts as one send against the limits, so a 10-item album fits a chat's burst as
     * it does on Telegram. Reply markup is not allowed on albums.
     */
    public static List<StoredMessage> sendAlbum(BotState bot, ApiParams params, ChatState chat,
                                                List<Consumer<ObjectNode>> contents) {
        Optional<JsonNode> replyTo = replyTarget(params, chat);
        bot.admitSend(chat.id());
        List<StoredMessage> sent = new ArrayList<>();
        for (Consumer<ObjectNode> content : contents) {
            sent.add(append(bot, chat, replyTo, Optional.empty(), content, stored -> { }));
        }
        return sent;
    }

    private static StoredMessage append(BotState bot, ChatState chat, Optional<JsonNode> replyTo,
                                        Optional<JsonNode> markup, Consumer<ObjectNode> content,
                                        Consumer<StoredMessage> complete) {
        return chat.append(messageId -> {
            ObjectNode message = header(bot, chat, messageId, bot.botUserJson());
            replyTo.ifPresent(target -> message.set("reply_to_message", target.deepCopy()));
            content.accept(message);
            markup.filter(node -> node.has("inline_keyboard"))
                    .ifPresent(node -> message.set("reply_markup", inlineOnly(node)));
            StoredMessage stored = new StoredMessage(message, true);
            stored.replyMarkup = markup.orElse(null);
            complete.accept(stored);
            return stored;
        });
    }

    /** message_id, from, chat, date: the fields every Message has. */
    public static ObjectNode header(BotState bot, ChatState chat, int messageId, ObjectNode from) {
        ObjectNode message = bot.mapper().createObjectNode();
        message.put("message_id", messageId);
        message.set("from", from);
        message.set("chat", chat.chatJson());
        message.put("date", bot.nowSeconds());
        return message;
    }

    private static Optional<JsonNode> replyTarget(ApiParams params, ChatState chat) {
        Optional<JsonNode> replyParameters = params.json("reply_parameters");
        long replyToId;
        boolean allowWithout;
        if (replyParameters.isPresent()) {
            JsonNode reply = replyParameters.get();
            if (reply.hasNonNull("chat_id") && reply.get("chat_id").asLong() != chat.id()) {
                throw ApiError.badRequest("message to be replied not found");
            }
            replyToId = reply.path("message_id").asLong(0);
            allowWithout = reply.path("allow_sending_without_reply").asBoolean(false);
        } else if (params.has("reply_to_message_id")) {
            replyToId = params.requiredLong("reply_to_message_id");
            allowWithout = params.bool("allow_sending_without_reply");
        } else {
            return Optional.empty();
        }
        Optional<StoredMessage> target = chat.find(replyToId);
        if (target.isEmpty()) {
            if (allowWithout) {
                return Optional.empty();
            }
            throw ApiError.badRequest("message to be replied not found");
        }
        ObjectNode copy = chat.snapshot(target.get()).json().deepCopy();
        copy.remove("reply_to_message");
        return Optional.of(copy);
    }

    /** Rejects markup Telegram would reject; only the inline keyboard appears in Message JSON. */
    public static void validateMarkup(JsonNode markup) {
        if (!markup.isObject()) {
            throw ApiError.badRequest("can't parse reply keyboard markup JSON object");
        }
        if (!markup.has("inline_keyboard")) {
            return;
        }
        JsonNode rows = markup.get("inline_keyboard");
        if (!rows.isArray()) {
            throw ApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
        }
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw ApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
            }
            for (JsonNode button : row) {
                if (button.path("text").asText("").isEmpty()) {
                    throw ApiError.badRequest("text buttons are unallowed in the inline keyboard");
                }
                if (button.has("callback_data")) {
                    int bytes = button.get("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
                        throw ApiError.badRequest("BUTTON_DATA_INVALID");
                    }
                } else if (!button.has("url") && !button.has("switch_inline_query")
                        && !button.has("switch_inline_query_current_chat") && !button.has("web_app")
                        && !button.has("login_url") && !button.has("pay") && !button.has("copy_text")
                        && !button.has("callback_game") && !button.has("switch_inline_query_chosen_chat")) {
                    throw ApiError.badRequest("text buttons are unallowed in the inline keyboard");
                }
            }
        }
    }

    static JsonNode inlineOnly(JsonNode markup) {
        ObjectNode inline = ((ObjectNode) markup).objectNode();
        inline.set("inline_keyboard", markup.get("inline_keyboard").deepCopy());
        return inline;
    }
}
