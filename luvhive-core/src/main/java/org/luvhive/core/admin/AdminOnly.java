package org.luvhive.core.admin;

import java.util.Set;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.ui.Notices;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/**
 * Wraps an admin command or button: only ids in {@code ADMIN_IDS} get through, and every
 * attempt, allowed or refused, goes into the audit log (who, what, when). Others are
 * answered as if the command did not exist. Thread-safe.
 */
public final class AdminOnly implements UpdateHandler {

    private final Set<Long> adminIds;
    private final Moderation moderation;
    private final String action;
    private final UpdateHandler handler;

    public AdminOnly(Set<Long> adminIds, Moderation moderation, String action, UpdateHandler handler) {
        this.adminIds = Set.copyOf(adminIds);
        this.moderation = moderation;
        this.action = action;
        this.handler = handler;
    }

    @Override
    public void handle(UpdateContext context) {
        boolean allowed = adminIds.contains(context.userId());
        moderation.audit(context.handle(), context.userId(), action, null, describe(context), allowed, context.now());
        if (allowed) {
            handler.handle(context);
        } else if (context.update().hasCallbackQuery()) {
            Notices.answerCallback(context, context.text("admin.not_allowed"), true);
        } else {
            context.replyText("command.unknown");
        }
    }

    private static String describe(UpdateContext context) {
        String text = context.update().hasCallbackQuery() ? context.update().getCallbackQuery().getData()
                : context.update().hasMessage() ? context.update().getMessage().getText() : null;
        return text == null ? null : text.length() > 300 ? text.substring(0, 300) : text;
    }
}
