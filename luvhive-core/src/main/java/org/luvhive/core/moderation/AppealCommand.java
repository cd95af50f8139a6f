package org.luvhive.core.moderation;

import static org.luvhive.core.ui.Notices.notice;

import java.util.Set;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.update.UpdateRouter;
import org.luvhive.core.user.Users;

/**
 * {@code /appeal [why]}: a muted or banned user asks an admin to look again, once per mute
 * or ban; the admins are told and the case joins the queue ({@code /mod}). Thread-safe.
 */
public final class AppealCommand implements UpdateHandler {

    private final Appeals appeals;
    private final Users users;
    private final Set<Long> adminIds;

    /** @param users whose language each admin is told in */
    public AppealCommand(Appeals appeals, Set<Long> adminIds, Users users) {
        this.users = users;
        this.appeals = appeals;
        this.adminIds = Set.copyOf(adminIds);
    }

    @Override
    public void handle(UpdateContext context) {
        String text = UpdateRouter.commandArguments(context.update().getMessage());
        Appeals.Result result = appeals.appeal(context.handle(), context.userId(), text, context.now());
        switch (result.outcome()) {
            case NOTHING_TO_APPEAL -> context.replyText("appeal.nothing");
            case ALREADY_APPEALED -> context.replyText(result.action() == ModerationAction.BAN ? "appeal.already_ban"
                    : "appeal.already_mute");
            case SENT -> {
                context.replyText("appeal.sent");
                for (long admin : adminIds) {
                    Language language = users.language(context.handle(), admin);
                    context.send(notice(admin, Texts.of(language, "admin.appeal.new", context.userId(),
                            Texts.of(language, result.action() == ModerationAction.BAN ? "admin.appeal.ban"
                                    : "admin.appeal.mute"), result.caseId())));
                }
            }
        }
    }
}
