package org.luvhive.core.admin;

import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.update.UpdateRouter;

/** {@code /unban <user id>} (admin). Thread-safe. */
public final class UnbanCommand implements UpdateHandler {

    private final Moderation moderation;

    public UnbanCommand(Moderation moderation) {
        this.moderation = moderation;
    }

    @Override
    public void handle(UpdateContext context) {
        String argument = UpdateRouter.commandArguments(context.update().getMessage());
        if (!argument.matches("\\d{1,19}")) {
            context.replyText("admin.unban.usage");
            return;
        }
        long target = Long.parseLong(argument);
        boolean lifted = moderation.unban(context.handle(), target);
        moderation.audit(context.handle(), context.userId(), "unban-done", argument, lifted ? "lifted" : "was not banned",
                true, context.now());
        context.replyText(lifted ? "admin.unban.done" : "admin.unban.not_banned", target);
    }
}
