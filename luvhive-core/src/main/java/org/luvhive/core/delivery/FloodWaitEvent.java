package org.luvhive.core.delivery;

import java.time.Instant;

/**
 * One FloodWait as the violations log recorded it. Immutable.
 *
 * @param time       when Telegram answered 429
 * @param chatId     the chat the call went to
 * @param method     the Bot API method
 * @param retryAfter the seconds Telegram asked us to wait
 * @param scope      {@code chat} or {@code global}
 */
public record FloodWaitEvent(Instant time, long chatId, String method, long retryAfter, String scope) {
}
