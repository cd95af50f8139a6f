package org.luvhive.core.admin;

import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.when;

import java.util.ArrayList;
import java.util.List;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.moderation.ModerationCase;
import org.luvhive.core.moderation.ModerationQueue;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/**
 * {@code /mod} (admin): the open cases of the admin queue, most urgent first (a user
 * reported as under 18, several reporters at once, a ladder ban to review, an appeal, a
 * report), each with its buttons. Thread-safe.
 */
public final class ModCommand implements UpdateHandler {

    static final int PAGE = 5;

    private final ModerationQueue queue;

    public ModCommand(ModerationQueue queue) {
        this.queue = queue;
    }

    @Override
    public void handle(UpdateContext context) {
        List<ModerationCase> open = queue.open(context.handle(), PAGE, context.now());
        if (open.isEmpty()) {
            context.replyText("admin.mod.empty");
            return;
        }
        context.replyText("admin.mod.count", queue.countOpen(context.handle()), open.size());
        for (ModerationCase moderationCase : open) {
            context.send(notice(context.userId(), describe(moderationCase, context.language()),
                    ModActionCallback.buttons(moderationCase.id(), context.language())));
        }
    }

    static String describe(ModerationCase moderationCase, Language language) {
        List<String> lines = new ArrayList<>();
        lines.add(Texts.of(language, "admin.mod.case", moderationCase.id(),
                Texts.of(language, "case.reason." + moderationCase.reason().code()), moderationCase.userId()));
        if (moderationCase.reports() > 0) {
            lines.add(Texts.of(language, "admin.mod.reports", moderationCase.reports(), moderationCase.reporters(),
                    moderationCase.reportReasons()));
        }
        List<String> state = new ArrayList<>();
        if (moderationCase.held()) {
            state.add(Texts.of(language, "admin.mod.held"));
        }
        if (moderationCase.mutedUntil() != null) {
            state.add(Texts.of(language, "admin.mod.muted_until", when(moderationCase.mutedUntil())));
        }
        if (moderationCase.banned()) {
            state.add(Texts.of(language, "admin.mod.banned"));
        }
        if (!state.isEmpty()) {
            lines.add(String.join(" · ", state));
        }
        if (moderationCase.appeal() != null) {
            lines.add(Texts.of(language, "admin.mod.appeal", moderationCase.appeal()));
        }
        lines.add(Texts.of(language, "admin.mod.opened", when(moderationCase.openedAt()),
                when(moderationCase.updatedAt())));
        return String.join("\n", lines);
    }
}
