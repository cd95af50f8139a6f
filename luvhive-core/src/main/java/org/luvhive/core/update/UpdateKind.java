package org.luvhive.core.update;

import java.util.Arrays;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.Update;

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

    /** The user an update comes from, or 0 when it has none. */
    public static long userId(Update update) {
        if (update.hasMessage() && update.getMessage().getFrom() != null) {
            return update.getMessage().getFrom().getId();
        }
        if (update.hasEditedMessage() && update.getEditedMessage().getFrom() != null) {
            return update.getEditedMessage().getFrom().getId();
        }
        if (update.hasCallbackQuery()) {
            return update.getCallbackQuery().getFrom().getId();
        }
        if (update.hasPreCheckoutQuery()) {
            return update.getPreCheckoutQuery().getFrom().getId();
        }
        if (update.getMyChatMember() != null) {
            return update.getMyChatMember().getFrom().getId();
        }
        return 0;
    }

    /** The chat an update happened in, or 0 when it has none. */
    public static long chatId(Update update) {
        if (update.hasMessage()) {
            return update.getMessage().getChatId();
        }
        if (update.hasEditedMessage()) {
            return update.getEditedMessage().getChatId();
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            return update.getCallbackQuery().getMessage().getChatId();
        }
        if (update.getMyChatMember() != null) {
            return update.getMyChatMember().getChat().getId();
        }
        return userId(update);
    }
}
