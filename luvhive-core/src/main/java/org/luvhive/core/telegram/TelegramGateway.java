package org.luvhive.core.telegram;

import java.io.Serializable;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;

/**
 * LuvHive's one door to the Bot API. Only the delivery sender, the update intake and the
 * few calls that must not wait in the outbox (answering a pre-checkout query, start-up
 * decoration) use it; handlers write outbox rows instead. Implementations are
 * thread-safe.
 */
public interface TelegramGateway {

    /**
     * Executes one call and returns its result, or throws a classified
     * {@link TelegramCallException}.
     */
    <T extends Serializable> T execute(BotApiMethod<T> method);

    /** {@code setWebhook} (a multipart call in the Bot API, so not a plain method). */
    boolean setWebhook(SetWebhook setWebhook);
}
