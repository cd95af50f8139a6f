package org.luvhive.core.delivery;

import java.util.Objects;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * One Bot API call waiting to be made on a user's or group's behalf: the call itself
 * (a TelegramBots method object, e.g. {@code SendMessage}, {@code CopyMessage}), the
 * chat it counts against for rate limits, its priority, and an optional correlation
 * that comes back in {@link DeliveryEvents} (e.g. to map a relayed message's new id).
 *
 * @param chatId      the chat the call sends to (its per-chat limit applies)
 * @param priority    relay, notice or broadcast
 * @param method      the call
 * @param correlation domain key returned with the delivery events, at most 200 characters
 */
public record OutboundMessage(long chatId, Priority priority, BotApiMethod<?> method, Optional<String> correlation) {

    public OutboundMessage {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(correlation, "correlation");
        correlation.ifPresent(key -> {
            if (key.length() > 200) {
                throw new IllegalArgumentException("correlation longer than 200 characters");
            }
        });
    }

    public static OutboundMessage of(long chatId, Priority priority, BotApiMethod<?> method) {
        return new OutboundMessage(chatId, priority, method, Optional.empty());
    }

    public OutboundMessage correlatedWith(String key) {
        return new OutboundMessage(chatId, priority, method, Optional.of(key));
    }
}
