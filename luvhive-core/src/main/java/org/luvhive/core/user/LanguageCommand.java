package org.luvhive.core.user;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;

import java.util.ArrayList;
import java.util.List;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** {@code /language}: the languages the bot speaks, the current one ticked; a tap switches. Thread-safe. */
public final class LanguageCommand implements UpdateHandler {

    @Override
    public void handle(UpdateContext context) {
        context.send(notice(context.userId(), context.text("language.choose"), keyboardFor(context.language())));
    }

    /** One button a language, in its own name ({@code lang:ru}). */
    static InlineKeyboardMarkup keyboardFor(Language current) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (Language language : Language.values()) {
            String tick = language == current ? "✅ " : "";
            rows.add(new InlineKeyboardRow(List.of(button(tick + language.flag() + " " + language.nativeName(),
                    LanguageCallback.PREFIX + language.code()))));
        }
        return keyboard(rows);
    }
}
