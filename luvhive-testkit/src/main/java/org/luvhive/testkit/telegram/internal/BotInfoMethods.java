package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.regex.Pattern;
import org.luvhive.testkit.telegram.CallbackAnswer;

/** getMe, getChat, commands, callback answers, chat actions. Stateless. */
final class BotInfoMethods {
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Set<String> CHAT_ACTIONS = Set.of("typing", "upload_photo", "record_video", "upload_video",
            "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location",
            "record_video_note", "upload_video_note");
    private static final String QUERY_TOO_OLD =
            "query is too old and response timeout expired or query ID is invalid";

    private BotInfoMethods() {
    }

    static void register(MethodRegistry registry) {
        registry.add("getMe", BotInfoMethods::getMe);
        registry.add("getChat", BotInfoMethods::getChat);
        registry.add("setMyCommands", BotInfoMethods::setMyCommands);
        registry.add("getMyCommands", (bot, params) -> MethodResult.of(bot.commands(scope(params),
                params.string("language_code").orElse(""))));
        registry.add("deleteMyCommands", (bot, params) -> {
            bot.setCommands(bot.mapper().createArrayNode());
            return MethodResult.of(BooleanNode.TRUE);
        });
        registry.add("answerCallbackQuery", BotInfoMethods::answerCallbackQuery);
        registry.add("sendChatAction", BotInfoMethods::sendChatAction);
        registry.add("logOut", (bot, params) -> MethodResult.of(BooleanNode.TRUE));
        registry.add("close", (bot, params) -> MethodResult.of(BooleanNode.TRUE));
    }

    private static MethodResult getMe(BotState bot, ApiParams params) {
        ObjectNode me = bot.botUserJson();
        // The fields telegram-bot-api always writes for getMe, in its order (Bot API 9.3).
        me.put("can_join_groups", true);
        me.put("can_read_all_group_messages", false);
        me.put("supports_inline_queries", false);
        me.put("supports_guest_queries", false);
        me.put("can_connect_to_business", false);
        me.put("has_main_web_app", false);
        me.put("has_topics_enabled", false);
        me.put("allows_users_to_create_topics", false);
        me.put("can_manage_bots", false);
        return MethodResult.of(me);
    }

    private static MethodResult getChat(BotState bot, ApiParams params) {
        ObjectNode info = bot.chat(params.chatId("chat_id")).chatJson();
        info.put("accent_color_id", 0);
        info.put("max_reaction_count", 11);
        return MethodResult.of(info);
    }

    private static MethodResult setMyCommands(BotState bot, ApiParams params) {
        JsonNode commands = params.json("commands").orElseThrow(() -> ApiError.badRequest("commands is empty"));
        if (!commands.isArray() || commands.size() > 100) {
            throw ApiError.badRequest("BOT_COMMANDS_TOO_MUCH");
        }
        ArrayNode stored = bot.mapper().createArrayNode();
        for (JsonNode command : commands) {
            String name = command.path("command").asText("");
            String description = command.path("description").asText("");
            if (!COMMAND.matcher(name).matches()) {
                throw ApiError.badRequest("BOT_COMMAND_INVALID");
            }
            if (description.isEmpty() || description.length() > 256) {
                throw ApiError.badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }
            stored.addObject().put("command", name).put("description", description);
        }
        bot.setCommands(scope(params), params.string("language_code").orElse(""), stored);
        return MethodResult.of(BooleanNode.TRUE);
    }

    /** A command scope as a key: "" for the default, else its type and chat ({@code chat:42}). */
    private static String scope(ApiParams params) {
        JsonNode scope = params.json("scope").orElse(null);
        if (scope == null || scope.path("type").asText("default").equals("default")) {
            return "";
        }
        return scope.path("type").asText() + (scope.has("chat_id") ? ":" + scope.get("chat_id").asText() : "");
    }

    private static MethodResult answerCallbackQuery(BotState bot, ApiParams params) {
        String queryId = params.requiredString("callback_query_id");
        String text = params.string("text").orElse(null);
        if (text != null && text.length() > 200) {
            throw ApiError.badRequest("MESSAGE_TOO_LONG");
        }
        CallbackAnswer answer = new CallbackAnswer(text, params.bool("show_alert"), params.string("url").orElse(null));
        if (!bot.answerCallbackQuery(queryId, answer)) {
            throw ApiError.badRequest(QUERY_TOO_OLD);
        }
        return MethodResult.of(BooleanNode.TRUE);
    }

    private static MethodResult sendChatAction(BotState bot, ApiParams params) {
        Outbox.targetChat(bot, params);
        String action = params.string("action").orElse("");
        if (!CHAT_ACTIONS.contains(action)) {
            throw ApiError.badRequest("wrong parameter action in request");
        }
        bot.events().chatAction(params.chatId("chat_id"), action);
        return MethodResult.of(BooleanNode.TRUE);
    }
}
