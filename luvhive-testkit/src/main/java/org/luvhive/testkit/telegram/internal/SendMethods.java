package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.luvhive.testkit.telegram.MediaKind;

/** The methods that put a new message into a chat; all count against the flood limits. Stateless. */
final class SendMethods {
    private static final int MAX_TEXT = 4096;
    private static final int MAX_CAPTION = 1024;
    private static final List<String> CONTENT_FIELDS = List.of("text", "entities", "caption", "caption_entities",
            "photo", "video", "voice", "video_note", "audio", "document", "sticker", "animation", "has_media_spoiler",
            "location", "contact", "venue", "poll", "dice");

    private SendMethods() {
    }

    static void register(MethodRegistry registry) {
        registry.add("sendMessage", SendMethods::sendMessage);
        for (MediaKind kind : MediaKind.values()) {
            registry.add(kind.sendMethod(), (bot, params) -> sendMedia(bot, params, kind));
        }
        registry.add("sendLocation", SendMethods::sendLocation);
        registry.add("sendContact", SendMethods::sendContact);
        registry.add("copyMessage", SendMethods::copyMessage);
        registry.add("forwardMessage", SendMethods::forwardMessage);
    }

    private static MethodResult sendMessage(BotState bot, ApiParams params) {
        ChatState chat = Outbox.targetChat(bot, params);
        MessageText text = MessageText.of(params, "text", "entities", bot.mapper());
        if (text.text().isBlank()) {
            throw ApiError.badRequest("message text is empty");
        }
        if (text.text().codePointCount(0, text.text().length()) > MAX_TEXT) {
            throw ApiError.badRequest("message is too long");
        }
        StoredMessage sent = Outbox.send(bot, params, chat, message -> text.putInto(message, "text", "entities"));
        return MethodResult.delivered(chat.snapshot(sent).json());
    }

    private static MethodResult sendMedia(BotState bot, ApiParams params, MediaKind kind) {
        ChatState chat = Outbox.targetChat(bot, params);
        JsonNode media = mediaParameter(bot, params, kind);
        Optional<MessageText> caption = caption(bot, params);
        // as on Telegram, only photos, videos and animations can be covered with a spoiler
        boolean spoiler = params.bool("has_spoiler")
                && (kind == MediaKind.PHOTO || kind == MediaKind.VIDEO || kind == MediaKind.ANIMATION);
        StoredMessage sent = Outbox.send(bot, params, chat, message -> {
            message.set(kind.field(), media);
            if (kind == MediaKind.ANIMATION) {
                message.set("document", media.deepCopy());
            }
            caption.filter(text -> kind.takesCaption())
                    .ifPresent(text -> text.putInto(message, "caption", "caption_entities"));
            if (spoiler) {
                message.put("has_media_spoiler", true);
            }
        });
        return MethodResult.delivered(chat.snapshot(sent).json());
    }

    private static JsonNode mediaParameter(BotState bot, ApiParams params, MediaKind kind) {
        String name = kind.field().replace('_', ' ');
        ApiParams.InputFile input = params.inputFile(kind.field())
                .orElseThrow(() -> ApiError.badRequest("there is no " + name + " in the request"));
        return bot.media().resolve(kind, input);
    }

    /** The caption with its entities; empty when there is none (an empty caption is none). */
    static Optional<MessageText> caption(BotState bot, ApiParams params) {
        if (params.string("caption").isEmpty()) {
            return Optional.empty();
        }
        MessageText caption = MessageText.of(params, "caption", "caption_entities", bot.mapper());
        return checkedCaption(caption);
    }

    static Optional<MessageText> checkedCaption(MessageText caption) {
        if (caption.text().codePointCount(0, caption.text().length()) > MAX_CAPTION) {
            throw ApiError.badRequest("message caption is too long");
        }
        return caption.text().isEmpty() ? Optional.empty() : Optional.of(caption);
    }

    private static MethodResult sendLocation(BotState bot, ApiParams params) {
        ChatState chat = Outbox.targetChat(bot, params);
        double latitude = coordinate(params, "latitude", 90);
        double longitude = coordinate(params, "longitude", 180);
        StoredMessage sent = Outbox.send(bot, params, chat, message -> message.putObject("location")
                .put("latitude", latitude).put("longitude", longitude));
        return MethodResult.delivered(chat.snapshot(sent).json());
    }

    private static double coordinate(ApiParams params, String name, double bound) {
        String raw = params.requiredString(name);
        try {
            double value = Double.parseDouble(raw);
            if (Math.abs(value) > bound) {
                throw ApiError.badRequest("wrong " + name + " specified");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("wrong " + name + " specified");
        }
    }

    private static MethodResult sendContact(BotState bot, ApiParams params) {
        ChatState chat = Outbox.targetChat(bot, params);
        String phone = params.requiredString("phone_number");
        String firstName = params.requiredString("first_name");
        Optional<String> lastName = params.string("last_name");
        StoredMessage sent = Outbox.send(bot, params, chat, message -> {
            ObjectNode contact = message.putObject("contact").put("phone_number", phone).put("first_name", firstName);
            lastName.ifPresent(name -> contact.put("last_name", name));
        });
        return MethodResult.delivered(chat.snapshot(sent).json());
    }

    private static MethodResult copyMessage(BotState bot, ApiParams params) {
        ObjectNode source = sourceMessage(bot, params, "message to copy not found");
        if (source.has("invoice") || CONTENT_FIELDS.stream().noneMatch(source::has)) {
            throw ApiError.badRequest("message can't be copied");
        }
        ChatState chat = Outbox.targetChat(bot, params);
        boolean replaceCaption = params.has("caption") && !source.has("text");
        Optional<MessageText> newCaption = replaceCaption ? caption(bot, params) : Optional.empty();
        StoredMessage sent = Outbox.send(bot, params, chat, message -> {
            copyContent(source, message);
            if (replaceCaption) {
                message.remove("caption_entities");
                message.remove("caption");
                newCaption.ifPresent(text -> text.putInto(message, "caption", "caption_entities"));
            }
        });
        ObjectNode result = bot.mapper().createObjectNode().put("message_id", sent.messageId());
        return MethodResult.delivered(result);
    }

    private static MethodResult forwardMessage(BotState bot, ApiParams params) {
        ObjectNode source = sourceMessage(bot, params, "message to forward not found");
        if (source.has("invoice") || CONTENT_FIELDS.stream().noneMatch(source::has)) {
            throw ApiError.badRequest("message can't be forwarded");
        }
        ChatState chat = Outbox.targetChat(bot, params);
        StoredMessage sent = Outbox.send(bot, params, chat, message -> {
            ObjectNode origin = message.putObject("forward_origin");
            origin.put("type", "user");
            origin.put("date", source.path("date").asLong());
            origin.set("sender_user", source.path("from").deepCopy());
            copyContent(source, message);
        });
        return MethodResult.delivered(chat.snapshot(sent).json());
    }

    private static ObjectNode sourceMessage(BotState bot, ApiParams params, String notFound) {
        ChatState from = bot.chat(params.chatId("from_chat_id"));
        long messageId = params.requiredLong("message_id");
        return from.find(messageId).map(message -> (ObjectNode) from.snapshot(message).json())
                .orElseThrow(() -> ApiError.badRequest(notFound));
    }

    private static void copyContent(ObjectNode source, ObjectNode target) {
        for (String field : CONTENT_FIELDS) {
            if (source.has(field)) {
                target.set(field, source.get(field).deepCopy());
            }
        }
    }
}
