package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.luvhive.testkit.telegram.ChatMessage;

/**
 * A message as the emulator keeps it. Not thread-safe: only touched under its
 * {@link ChatState}'s lock.
 */
final class StoredMessage {
    final ObjectNode json;
    final boolean fromBot;
    JsonNode replyMarkup;
    Invoice invoice;
    boolean deleted;
    /** The bot's reaction (setMessageReaction): an array of ReactionType, empty when none. */
    JsonNode reactions;
    /** Which change of the bot's chats last touched it (see {@link ChatEvents}). */
    long version;

    /** What an invoice message was sent with but Message JSON does not show. */
    record Invoice(String payload, String currency, long totalAmount) {
    }

    StoredMessage(ObjectNode json, boolean fromBot) {
        this.json = json;
        this.fromBot = fromBot;
    }

    int messageId() {
        return json.path("message_id").asInt();
    }

    ChatMessage snapshot() {
        return new ChatMessage(json.deepCopy(), fromBot, replyMarkup == null ? null : replyMarkup.deepCopy(),
                reactions == null ? null : reactions.deepCopy());
    }
}
