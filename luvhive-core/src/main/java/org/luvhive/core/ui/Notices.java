package org.luvhive.core.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.update.UpdateContext;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Builders for what the bot itself says: notices with optional inline keyboards, and
 * callback answers. Pure functions; thread-safe.
 */
public final class Notices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Notices() {
    }

    /** A moment as users read it, e.g. {@code 2026-03-01 12:00 UTC}. */
    public static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** A plain notice to one user (their private chat id is their user id). */
    public static OutboundMessage notice(long chatId, String text) {
        return OutboundMessage.of(chatId, Priority.NOTICE, SendMessage.builder().chatId(chatId).text(text).build());
    }

    /** A notice with buttons under it. */
    public static OutboundMessage notice(long chatId, String text, InlineKeyboardMarkup keyboard) {
        return OutboundMessage.of(chatId, Priority.NOTICE,
                SendMessage.builder().chatId(chatId).text(text).replyMarkup(keyboard).build());
    }

    /** One button sending {@code data} back as a callback query. */
    public static InlineKeyboardButton button(String text, String data) {
        return InlineKeyboardButton.builder().text(text).callbackData(data).build();
    }

    public static InlineKeyboardRow row(InlineKeyboardButton... buttons) {
        return new InlineKeyboardRow(Arrays.asList(buttons));
    }

    public static InlineKeyboardMarkup keyboard(InlineKeyboardRow... rows) {
        return InlineKeyboardMarkup.builder().keyboard(Arrays.asList(rows)).build();
    }

    public static InlineKeyboardMarkup keyboard(List<InlineKeyboardRow> rows) {
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    /**
     * Stops the button's spinner; {@code text} (may be null) shows as a toast, or as an
     * alert box when {@code alert}. Does nothing for updates that are not callbacks.
     */
    public static void answerCallback(UpdateContext context, String text, boolean alert) {
        if (!context.update().hasCallbackQuery()) {
            return;
        }
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder()
                .callbackQueryId(context.update().getCallbackQuery().getId());
        if (text != null) {
            answer.text(text).showAlert(alert);
        }
        context.send(OutboundMessage.of(context.userId(), Priority.NOTICE, answer.build()));
    }

    public static void answerCallback(UpdateContext context) {
        answerCallback(context, null, false);
    }

    /**
     * Replaces the buttons under the message a callback came from ({@code null} removes
     * them, so a used choice cannot be tapped again).
     */
    public static void editKeyboard(UpdateContext context, InlineKeyboardMarkup keyboard) {
        var message = context.update().getCallbackQuery().getMessage();
        if (message == null) {
            return;
        }
        context.send(OutboundMessage.of(context.userId(), Priority.NOTICE, EditMessageReplyMarkup.builder()
                .chatId(message.getChatId()).messageId(message.getMessageId()).replyMarkup(keyboard).build()));
    }

    /**
     * Takes the buttons whose callback data starts with {@code dataPrefix} from under the
     * message a callback came from, keeping the others (all go when Telegram did not send
     * the message along).
     */
    public static void dropButtons(UpdateContext context, String dataPrefix) {
        if (!(context.update().getCallbackQuery().getMessage() instanceof Message shown)
                || shown.getReplyMarkup() == null) {
            editKeyboard(context, null);
            return;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (InlineKeyboardRow row : shown.getReplyMarkup().getKeyboard()) {
            InlineKeyboardRow kept = new InlineKeyboardRow(row.stream().filter(button -> button.getCallbackData() == null
                    || !button.getCallbackData().startsWith(dataPrefix)).toList());
            if (!kept.isEmpty()) {
                rows.add(kept);
            }
        }
        editKeyboard(context, rows.isEmpty() ? null : keyboard(rows));
    }

    /** The callback data after {@code prefix}, split on ':'. */
    public static String[] callbackArguments(UpdateContext context, String prefix) {
        String data = context.update().getCallbackQuery().getData();
        String rest = data.length() > prefix.length() ? data.substring(prefix.length()) : "";
        return rest.isEmpty() ? new String[0] : rest.split(":");
    }
}
