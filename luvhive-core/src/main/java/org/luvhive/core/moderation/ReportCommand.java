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
import org.luvhive.core.i18n.Language;
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
            context.replyText("report.nobody", window.toMinutes());
            return;
        }
        context.send(notice(context.userId(), context.text(chat.get().active() ? "report.why_partner"
                : "report.why_last_partner"), reasons(chat.get().chatId(), context.language())));
    }

    /** One button per reason, for the report of {@code chatId}. */
    public static InlineKeyboardMarkup reasons(long chatId, Language language) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (ReportReason reason : ReportReason.values()) {
            rows.add(row(button(reason.label(language), "rep:" + chatId + ":" + reason.code())));
        }
        return keyboard(rows);
    }
}
