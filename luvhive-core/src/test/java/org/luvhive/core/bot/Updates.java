package org.luvhive.core.bot;

import org.telegram.telegrambots.meta.api.objects.Update;

/** Telegram updates for the bot's tests, built from the JSON Telegram sends. */
public final class Updates {

    private Updates() {
    }

    private static String user(long userId) {
        return "{\"id\": %d, \"is_bot\": false, \"first_name\": \"U%d\"}".formatted(userId, userId);
    }

    private static String chat(long userId) {
        return "{\"id\": %d, \"type\": \"private\", \"first_name\": \"U%d\"}".formatted(userId, userId);
    }

    public static Update message(long updateId, long userId, int messageId, String fields) {
        return parse("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1764410000, "chat": %s, "from": %s, %s}}
                """.formatted(updateId, messageId, chat(userId), user(userId), fields));
    }

    public static Update edited(long updateId, long userId, int messageId, String fields) {
        return parse("""
                {"update_id": %d, "edited_message": {"message_id": %d, "date": 1764410000, "edit_date": 1764410100,
                 "chat": %s, "from": %s, %s}}
                """.formatted(updateId, messageId, chat(userId), user(userId), fields));
    }

    public static Update callback(long updateId, long userId, int messageId, String data) {
        return parse("""
                {"update_id": %d, "callback_query": {"id": "cb%d", "chat_instance": "ci", "from": %s, "data": "%s",
                 "message": {"message_id": %d, "date": 1764410000, "chat": %s, "text": "menu"}}}
                """.formatted(updateId, updateId, user(userId), data, messageId, chat(userId)));
    }

    public static Update preCheckout(long updateId, long userId, String payload, int amount) {
        return parse("""
                {"update_id": %d, "pre_checkout_query": {"id": "pcq%d", "from": %s, "currency": "XTR",
                 "total_amount": %d, "invoice_payload": "%s"}}
                """.formatted(updateId, updateId, user(userId), amount, payload));
    }

    public static Update successfulPayment(long updateId, long userId, int messageId, String payload, int amount,
                                           String chargeId) {
        return successfulPayment(updateId, userId, messageId, payload, amount, "XTR", chargeId);
    }

    public static Update successfulPayment(long updateId, long userId, int messageId, String payload, int amount,
                                           String currency, String chargeId) {
        return message(updateId, userId, messageId, """
                "successful_payment": {"currency": "%s", "total_amount": %d, "invoice_payload": "%s",
                 "telegram_payment_charge_id": "%s", "provider_payment_charge_id": ""}
                """.formatted(currency, amount, payload, chargeId));
    }

    public static Update botBlocked(long updateId, long userId) {
        return parse("""
                {"update_id": %d, "my_chat_member": {"chat": %s, "from": %s, "date": 1764410000,
                 "old_chat_member": {"status": "member", "user": {"id": 1, "is_bot": true, "first_name": "Bot"}},
                 "new_chat_member": {"status": "kicked", "until_date": 0,
                                     "user": {"id": 1, "is_bot": true, "first_name": "Bot"}}}}
                """.formatted(updateId, chat(userId), user(userId)));
    }

    public static Update parse(String json) {
        try {
            return BotHarness.JSON.readValue(json, Update.class);
        } catch (Exception malformed) {
            throw new IllegalArgumentException(malformed);
        }
    }
}
