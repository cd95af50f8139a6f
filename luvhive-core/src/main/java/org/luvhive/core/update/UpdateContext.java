package org.luvhive.core.update;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.delivery.BlockedRecipients;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.LanguageLookup;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.telegram.TelegramGateway;
import org.luvhive.core.update.internal.InboxDao;
import org.luvhive.core.update.internal.QuarantineDao;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * What a handler gets: the update, the open transaction, the outbox, the time the
 * update is being handled at (from the injected clock), and the sender's language (the
 * one they chose, else their Telegram app's). One per update; not shared between threads.
 */
public final class UpdateContext {

    private final Update update;
    private final Handle handle;
    private final Outbox outbox;
    private final Instant now;
    private final TelegramGateway gateway;
    private final LanguageLookup languages;
    private Language language;
    private boolean calledTelegram;

    /** A context in which nobody's language is stored (Telegram's {@code language_code} decides). */
    public UpdateContext(Update update, Handle handle, Outbox outbox, Instant now, TelegramGateway gateway) {
        this(update, handle, outbox, now, gateway, LanguageLookup.none());
    }

    /** @param languages where the sender's chosen language is looked up (once, when first needed) */
    public UpdateContext(Update update, Handle handle, Outbox outbox, Instant now, TelegramGateway gateway,
                         LanguageLookup languages) {
        this.update = update;
        this.handle = handle;
        this.outbox = outbox;
        this.now = now;
        this.gateway = gateway;
        this.languages = languages;
    }

    public Update update() {
        return update;
    }

    /** The transaction this update is handled in. */
    public Handle handle() {
        return handle;
    }

    /** When the update is being handled, by the injected clock. */
    public Instant now() {
        return now;
    }

    public UpdateKind kind() {
        return UpdateKind.of(update);
    }

    /** The Telegram user the update is from, 0 when it has none. */
    public long userId() {
        return UpdateKind.userId(update);
    }

    /** The chat the update happened in (the user's private chat with the bot, usually). */
    public long chatId() {
        return UpdateKind.chatId(update);
    }

    public Optional<User> from() {
        if (update.hasMessage()) {
            return Optional.ofNullable(update.getMessage().getFrom());
        }
        if (update.hasEditedMessage()) {
            return Optional.ofNullable(update.getEditedMessage().getFrom());
        }
        if (update.hasCallbackQuery()) {
            return Optional.of(update.getCallbackQuery().getFrom());
        }
        if (update.hasPreCheckoutQuery()) {
            return Optional.of(update.getPreCheckoutQuery().getFrom());
        }
        return Optional.empty();
    }

    /**
     * The language to answer the sender in: the one stored for them, else their Telegram
     * app's ({@code language_code}), else English.
     */
    public Language language() {
        if (language == null) {
            language = languages.stored(handle, userId())
                    .orElseGet(() -> Language.ofTelegram(from().map(User::getLanguageCode).orElse(null)));
        }
        return language;
    }

    /** Answers in {@code chosen} from now on (the sender just changed their language). */
    public void useLanguage(Language chosen) {
        this.language = chosen;
    }

    /** The text of {@code key} in the sender's language. */
    public String text(String key, Object... arguments) {
        return Texts.of(language(), key, arguments);
    }

    /** Queues a call in this transaction. */
    public long send(OutboundMessage message) {
        return outbox.enqueue(handle, message);
    }

    /** Queues a plain notice to the chat the update came from. */
    public long reply(String text) {
        return send(OutboundMessage.of(chatId(), Priority.NOTICE,
                SendMessage.builder().chatId(chatId()).text(text).build()));
    }

    /** Queues the text of {@code key}, in the sender's language, as a notice to the chat the update came from. */
    public long replyText(String key, Object... arguments) {
        return reply(text(key, arguments));
    }

    public Outbox outbox() {
        return outbox;
    }

    /**
     * Forgets what the pipeline holds of the user this update is from (for
     * {@code /delete_me}): their updates in the inbox keep only their update_id (this
     * update's row included), their quarantined updates, rate-limit buckets and unreachable
     * mark go, and every outbox row for them is deleted. Reply after this: the reply is queued afterwards and
     * sent.
     */
    public void forgetSender() {
        long userId = userId();
        handle.attach(InboxDao.class).forgetUser(userId, update.getUpdateId());
        handle.attach(QuarantineDao.class).forgetUser(userId);
        InboundGate.forget(handle, userId);
        outbox.forget(handle, userId);
        BlockedRecipients.forget(handle, userId);
    }

    /**
     * Calls Telegram at once, bypassing the outbox. Only for answers Telegram needs
     * within seconds and that change no user-visible chat (answering a pre-checkout
     * query within its 10 s); everything else goes through {@link #send}.
     */
    public <T extends Serializable> T callNow(BotApiMethod<T> method) {
        calledTelegram = true;
        return gateway.execute(method);
    }

    /** Whether the handler called Telegram directly ({@link #callNow}): what it did cannot be run again unseen. */
    public boolean calledTelegram() {
        return calledTelegram;
    }
}
