package org.luvhive.core.user;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;

import org.jdbi.v3.core.Handle;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * {@code /settings}: the user's own switches, each a button that flips it
 * ({@link SettingsCallback}): whether partners' photos, videos and GIFs arrive blurred, and
 * whether they accept a wider age range. Thread-safe.
 */
public final class SettingsCommand implements UpdateHandler {

    private final Users users;

    public SettingsCommand(Users users) {
        this.users = users;
    }

    @Override
    public void handle(UpdateContext context) {
        Switches switches = switches(context.handle(), context.userId());
        context.send(notice(context.userId(), text(switches, context.language()), buttons(switches, context.language())));
    }

    /** The user's switches as they stand now, read once for the message and its buttons. */
    record Switches(boolean spoilers, boolean wide) {
    }

    Switches switches(Handle handle, long userId) {
        return new Switches(users.wantsSpoilers(handle, userId), users.acceptsWideAgeRange(handle, userId));
    }

    /** What the settings message says. */
    String text(Switches switches, Language language) {
        return Texts.of(language, "settings.title") + "\n\n"
                + Texts.of(language, switches.spoilers() ? "settings.spoilers.on" : "settings.spoilers.off")
                + "\n\n" + Texts.of(language, switches.wide() ? "settings.wide_age.on" : "settings.wide_age.off");
    }

    /** One button per switch, saying what a tap does. */
    InlineKeyboardMarkup buttons(Switches switches, Language language) {
        boolean spoilers = switches.spoilers();
        boolean wide = switches.wide();
        return keyboard(
                row(button(Texts.of(language, spoilers ? "settings.button.spoilers_off" : "settings.button.spoilers_on"),
                        SettingsCallback.PREFIX + "spoilers:" + (spoilers ? "off" : "on"))),
                row(button(Texts.of(language, wide ? "settings.button.wide_off" : "settings.button.wide_on"),
                        SettingsCallback.PREFIX + "wide:" + (wide ? "off" : "on"))));
    }
}
