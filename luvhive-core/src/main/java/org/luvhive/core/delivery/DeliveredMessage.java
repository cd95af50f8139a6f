package org.luvhive.core.delivery;

import java.util.Optional;

/**
 * An outbox row Telegram accepted.
 *
 * @param outboxId          the row
 * @param chatId            where it went
 * @param method            the Bot API method, lower-case as TelegramBots names it
 * @param correlation       the key the enqueuer attached
 * @param telegramMessageId the id of the message Telegram created, for sends and copies
 */
public record DeliveredMessage(long outboxId, long chatId, String method, Optional<String> correlation,
                               Optional<Integer> telegramMessageId) {
}
