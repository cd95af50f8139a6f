package org.luvhive.core.update.internal;

import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * What every update of a kind must carry to be handled at all, as the Bot API promises
 * it: a message its chat, a callback query its id and sender, a pre-checkout query its id
 * and payer, a membership change its chat, sender and new state. An update without them
 * cannot be routed or answered, so it is quarantined rather than failed five times.
 * Stateless; thread-safe.
 */
public final class UpdateShape {

    private UpdateShape() {
    }

    /** What the update lacks, or empty when it is complete enough to handle. */
    public static Optional<String> problem(Update update) {
        if (update.hasMessage()) {
            return message("message", update.getMessage());
        }
        if (update.hasEditedMessage()) {
            return message("edited_message", update.getEditedMessage());
        }
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            if (query.getId() == null) {
                return Optional.of("callback_query without id");
            }
            return missingUser("callback_query", query.getFrom());
        }
        if (update.hasPreCheckoutQuery()) {
            if (update.getPreCheckoutQuery().getId() == null) {
                return Optional.of("pre_checkout_query without id");
            }
            return missingUser("pre_checkout_query", update.getPreCheckoutQuery().getFrom());
        }
        if (update.getMyChatMember() != null) {
            var member = update.getMyChatMember();
            if (missingChat(member.getChat())) {
                return Optional.of("my_chat_member without chat");
            }
            if (member.getNewChatMember() == null) {
                return Optional.of("my_chat_member without new_chat_member");
            }
            return missingUser("my_chat_member", member.getFrom());
        }
        return Optional.empty();
    }

    private static Optional<String> message(String kind, Message message) {
        if (missingChat(message.getChat())) {
            return Optional.of(kind + " without chat");
        }
        if (message.getMessageId() == null) {
            return Optional.of(kind + " without message_id");
        }
        return Optional.empty();
    }

    private static boolean missingChat(Chat chat) {
        return chat == null || chat.getId() == null;
    }

    private static Optional<String> missingUser(String kind, User user) {
        return user == null || user.getId() == null ? Optional.of(kind + " without from") : Optional.empty();
    }
}
