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
        context.send(notice(context.userId(), "⚠️ This erases your profile, chats on record, ratings, blocks and "
                + "reports you made, and ends any chat or search. It cannot be undone. Payments, bans, and blocks "
                + "or reports others made about you are kept (see /privacy).", keyboard(
                row(button("🗑 Yes, delete everything", "del:confirm")),
                row(button("Keep my data", "del:keep")))));
    }
}
