package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.Set;

/** setMessageReaction: the bot's reaction on a message, shown under it. Stateless. */
final class ReactionMethods {
    /** ReactionTypeEmoji's list in the Bot API reference (ZWJ sequences written out). */
    private static final Set<String> EMOJI = Set.of("❤", "👍", "👎", "🔥", "🥰", "👏", "😁", "🤔", "🤯", "😱", "🤬",
            "😢", "🎉", "🤩", "🤮", "💩", "🙏", "👌", "🕊", "🤡", "🥱", "🥴", "😍", "🐳", "❤\u200D🔥", "🌚", "🌭", "💯",
            "🤣", "⚡", "🍌", "🏆", "💔", "🤨", "😐", "🍓", "🍾", "💋", "🖕", "😈", "😴", "😭", "🤓", "👻",
            "👨\u200D💻", "👀", "🎃", "🙈", "😇", "😨", "🤝", "✍", "🤗", "🫡", "🎅", "🎄", "☃", "💅", "🤪", "🗿", "🆒",
            "💘", "🙉", "🦄", "😘", "💊", "🙊", "😎", "👾", "🤷\u200D♂", "🤷", "🤷\u200D♀", "😡");
    /** Variation selector 16: clients send "❤️" for "❤"; Telegram accepts either. */
    private static final String EMOJI_PRESENTATION = "\uFE0F";

    private ReactionMethods() {
    }

    static void register(MethodRegistry registry) {
        registry.add("setMessageReaction", ReactionMethods::setMessageReaction);
    }

    private static MethodResult setMessageReaction(BotState bot, ApiParams params) {
        ChatState chat = bot.chat(params.chatId("chat_id"));
        ArrayNode reactions = reactions(bot, params);
        StoredMessage message = chat.find(params.requiredLong("message_id"))
                .orElseThrow(() -> ApiError.badRequest("message to react not found"));
        chat.modify(message, stored -> stored.reactions = reactions);
        return MethodResult.of(BooleanNode.TRUE);
    }

    private static ArrayNode reactions(BotState bot, ApiParams params) {
        ArrayNode reactions = bot.mapper().createArrayNode();
        if (params.string("reaction").filter(raw -> !raw.isBlank()).isEmpty()) {
            return reactions; // no reaction: remove the bot's
        }
        JsonNode types = params.json("reaction").orElseThrow();
        if (!types.isArray()) {
            throw ApiError.badRequest("expected an Array of ReactionType");
        }
        for (JsonNode type : types) {
            if (!type.isObject()) {
                throw ApiError.badRequest("can't parse ReactionType: expected an Object");
            }
            String kind = type.path("type").asText("");
            if (kind.equals("emoji")) {
                String emoji = type.path("emoji").asText("").replace(EMOJI_PRESENTATION, "");
                if (!EMOJI.contains(emoji)) {
                    throw ApiError.badRequest("REACTION_INVALID");
                }
                reactions.addObject().put("type", "emoji").put("emoji", emoji);
            } else if (kind.equals("custom_emoji") || kind.equals("paid")) {
                throw ApiError.badRequest("REACTION_INVALID"); // bots have no custom emoji or Stars to react with
            } else {
                throw ApiError.badRequest("can't parse ReactionType: invalid reaction type specified");
            }
        }
        if (reactions.size() > 1) {
            throw ApiError.badRequest("REACTIONS_TOO_MANY"); // a bot may set one reaction per message
        }
        return reactions;
    }
}
