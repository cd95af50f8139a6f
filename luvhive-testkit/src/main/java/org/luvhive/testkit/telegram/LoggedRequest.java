package org.luvhive.testkit.telegram;

import java.time.Instant;

/**
 * One Bot API call as the emulator answered it. Immutable.
 *
 * @param at      when the emulator answered, by its clock
 * @param method  the method in its canonical spelling ({@code sendMessage}), whatever case the client used
 * @param chatId  the {@code chat_id} parameter, or null when the call had none
 * @param status  200, or the Bot API error_code returned
 * @param delivered whether the call put a message into a chat
 */
public record LoggedRequest(Instant at, String method, Long chatId, int status, boolean delivered) {
}
