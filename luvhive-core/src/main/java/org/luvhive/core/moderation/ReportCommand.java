package org.luvhive.core.moderation;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * {@code /report}: on the current partner or the last one within the report window;
 * asks for a reason. Thread-safe.
 */
public final class ReportCommand implements UpdateHandler {

    private final Duration window;
    private final Chats chats;

    public ReportCommand(Duration window, Chats chats) {
        this.window = window;
        this.chats = chats;
    }

    @Override
    public void handle(UpdateContext context) {
        Optional<ChatMembership> chat = chats.currentOrEndedWithin(context.handle(), context.userId(), context.now(),
                window);
        if (chat.isEmpty()) {
            context.reply("There is nobody to report: /report works on your current partner or your last one "
                    + "within " + window.toMinutes() + " minutes after the chat ended.");
            return;
        }
        context.send(notice(context.userId(), "🚩 Why are you reporting your "
                + (chat.get().active() ? "partner" : "last partner") + "?", reasons(chat.get().chatId())));
    }

    /** One button per reason, for the report of {@code chatId}. */
    public static InlineKeyboardMarkup reasons(long chatId) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (ReportReason reason : ReportReason.values()) {
            rows.add(row(button(reason.label(), "rep:" + chatId + ":" + reason.code())));
        }
        return keyboard(rows);
    }
}
