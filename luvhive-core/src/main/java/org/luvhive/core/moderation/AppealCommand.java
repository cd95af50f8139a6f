package org.luvhive.core.moderation;

import static org.luvhive.core.ui.Notices.notice;

import java.util.Set;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.update.UpdateRouter;

/**
 * {@code /appeal [why]}: a muted or banned user asks an admin to look again, once per mute
 * or ban; the admins are told and the case joins the queue ({@code /mod}). Thread-safe.
 */
public final class AppealCommand implements UpdateHandler {

    private final Appeals appeals;
    private final Set<Long> adminIds;

    public AppealCommand(Appeals appeals, Set<Long> adminIds) {
        this.appeals = appeals;
        this.adminIds = Set.copyOf(adminIds);
    }

    @Override
    public void handle(UpdateContext context) {
        String text = UpdateRouter.commandArguments(context.update().getMessage());
        Appeals.Result result = appeals.appeal(context.handle(), context.userId(), text, context.now());
        switch (result.outcome()) {
            case NOTHING_TO_APPEAL -> context.reply("You have no mute or ban to appeal right now.");
            case ALREADY_APPEALED -> context.reply("You already appealed this " + appealed(result.action())
                    + ". A moderator will look at it.");
            case SENT -> {
                context.reply("📨 Your appeal was sent to the moderators. You will hear from us when they decide.");
                for (long admin : adminIds) {
                    context.send(notice(admin, "📨 Appeal from user " + context.userId() + " against a "
                            + appealed(result.action()) + " (case #" + result.caseId() + "). See /mod."));
                }
            }
        }
    }

    /** What the user appealed, as people say it: a mute (by the ladder, an admin or reporters) or a ban. */
    private static String appealed(ModerationAction action) {
        return action == ModerationAction.BAN ? "ban" : "mute";
    }
}
