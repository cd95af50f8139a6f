package org.luvhive.core.update;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;

/** The kinds of update LuvHive receives (the {@code allowed_updates} it asks for). */
public enum UpdateKind {
    MESSAGE("message"),
    EDITED_MESSAGE("edited_message"),
    CALLBACK_QUERY("callback_query"),
    PRE_CHECKOUT_QUERY("pre_checkout_query"),
    MY_CHAT_MEMBER("my_chat_member"),
    OTHER("other");

    private final String apiName;

    UpdateKind(String apiName) {
        this.apiName = apiName;
    }

    /** The name in the Bot API's {@code allowed_updates}. */
    public String apiName() {
        return apiName;
    }

    public static UpdateKind of(Update update) {
        if (update.hasMessage()) {
            return MESSAGE;
        }
        if (update.hasEditedMessage()) {
            return EDITED_MESSAGE;
        }
        if (update.hasCallbackQuery()) {
            return CALLBACK_QUERY;
        }
        if (update.hasPreCheckoutQuery()) {
            return PRE_CHECKOUT_QUERY;
        }
        if (update.getMyChatMember() != null) {
            return MY_CHAT_MEMBER;
        }
        return OTHER;
    }

    /** Every kind except OTHER, as {@code allowed_updates} wants them. */
    public static List<String> allowedUpdates() {
        return Arrays.stream(values()).filter(kind -> kind != OTHER).map(UpdateKind::apiName).toList();
    }

    /** The user an update comes from, or 0 when it has none (or the field that names it is missing). */
    public static long userId(Update update) {
        if (update.hasMessage()) {
            return idOf(update.getMessage().getFrom());
        }
        if (update.hasEditedMessage()) {
            return idOf(update.getEditedMessage().getFrom());
        }
        if (update.hasCallbackQuery()) {
            return idOf(update.getCallbackQuery().getFrom());
        }
        if (update.hasPreCheckoutQuery()) {
            return idOf(update.getPreCheckoutQuery().getFrom());
        }
        if (update.getMyChatMember() != null) {
            return idOf(update.getMyChatMember().getFrom());
        }
        return 0;
    }

    /** The chat an update happened in, or 0 when it has none (or the field that names it is missing). */
    public static long chatId(Update update) {
        if (update.hasMessage()) {
            return idOf(update.getMessage().getChat());
        }
        if (update.hasEditedMessage()) {
            return idOf(update.getEditedMessage().getChat());
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            return idOf(update.getCallbackQuery().getMessage().getChat());
        }
        if (update.getMyChatMember() != null) {
            return idOf(update.getMyChatMember().getChat());
        }
        return userId(update);
    }

    /**
     * When the user sent it, as Telegram dates it (whole seconds): a message's or a
     * membership change's {@code date}, an edit's {@code edit_date}. Empty for kinds that
     * carry no date of their own (a button press, a pre-checkout query).
     */
    public static Optional<Instant> sentAt(Update update) {
        Integer date = null;
        if (update.hasMessage()) {
            date = update.getMessage().getDate();
        } else if (update.hasEditedMessage()) {
            date = update.getEditedMessage().getEditDate() != null ? update.getEditedMessage().getEditDate()
                    : update.getEditedMessage().getDate();
        } else if (update.getMyChatMember() != null) {
            date = update.getMyChatMember().getDate();
        }
        return date == null || date <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(date));
    }

    private static long idOf(User user) {
        return user == null || user.getId() == null ? 0 : user.getId();
    }

    private static long idOf(Chat chat) {
        return chat == null || chat.getId() == null ? 0 : chat.getId();
    }
}
