package org.luvhive.core.update;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Telegram updates for tests, built from the JSON Telegram sends. */
final class Updates {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Updates() {
    }

    /** When the tests' messages were sent: the time their manual clocks start at. */
    static final Instant SENT = Instant.parse("2026-11-29T12:00:00Z");

    static Update text(long updateId, long userId, String text) {
        return text(updateId, userId, text, SENT);
    }

    static Update text(long updateId, long userId, String text, Instant sent) {
        return parse("""
                {"update_id": %d, "message": {"message_id": %d, "date": %d,
                 "chat": {"id": %d, "type": "private", "first_name": "U"},
                 "from": {"id": %d, "is_bot": false, "first_name": "U"}, "text": "%s"}}
                """.formatted(updateId, updateId, sent.getEpochSecond(), userId, userId, text));
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
