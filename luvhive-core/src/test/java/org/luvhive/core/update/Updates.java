package org.luvhive.core.update;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Telegram updates for tests, built from the JSON Telegram sends. */
final class Updates {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Updates() {
    }

    static Update text(long updateId, long userId, String text) {
        return parse("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1764410000,
                 "chat": {"id": %d, "type": "private", "first_name": "U"},
                 "from": {"id": %d, "is_bot": false, "first_name": "U"}, "text": "%s"}}
                """.formatted(updateId, updateId, userId, userId, text));
    }

    static Update callback(long updateId, long userId, int messageId, String data) {
        return parse("""
                {"update_id": %d, "callback_query": {"id": "cb%d", "chat_instance": "ci",
                 "from": {"id": %d, "is_bot": false, "first_name": "U"}, "data": "%s",
                 "message": {"message_id": %d, "date": 1764410000,
                   "chat": {"id": %d, "type": "private", "first_name": "U"}, "text": "menu"}}}
                """.formatted(updateId, updateId, userId, data, messageId, userId));
    }

    static Update parse(String json) {
        try {
            return MAPPER.readValue(json, Update.class);
        } catch (Exception malformed) {
            throw new IllegalArgumentException(malformed);
        }
    }
}
