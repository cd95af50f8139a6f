package org.luvhive.core.delivery;

import java.util.Optional;

/**
 * An outbox row that will not be sent: Telegram refused it (400) or retries ran out.
 *
 * @param outboxId    the row
 * @param chatId      where it was going
 * @param method      the Bot API method
 * @param correlation the key the enqueuer attached
 * @param reason      Telegram's description or the last error
 */
public record ParkedMessage(long outboxId, long chatId, String method, Optional<String> correlation, String reason) {
}
