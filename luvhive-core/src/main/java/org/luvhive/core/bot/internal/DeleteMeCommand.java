package org.luvhive.core.bot.internal;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/** {@code /delete_me}: asks to confirm, since erasing cannot be undone. Thread-safe. */
public final class DeleteMeCommand implements UpdateHandler {

    @Override
    public void handle(UpdateContext context) {
        context.send(notice(context.userId(), context.text("delete.confirm"), keyboard(
                row(button(context.text("delete.button.confirm"), "del:confirm")),
                row(button(context.text("delete.button.keep"), "del:keep")))));
    }
}
