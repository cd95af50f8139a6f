package org.luvhive.core.admin;

import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.when;

import java.util.ArrayList;
import java.util.List;
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
            context.reply("✅ The moderation queue is empty.");
            return;
        }
        context.reply("🛡 " + queue.countOpen(context.handle()) + " open case(s); the " + open.size()
                + " most urgent:");
        for (ModerationCase moderationCase : open) {
            context.send(notice(context.userId(), describe(moderationCase),
                    ModActionCallback.buttons(moderationCase.id())));
        }
    }

    static String describe(ModerationCase moderationCase) {
        List<String> lines = new ArrayList<>();
        lines.add("Case #" + moderationCase.id() + " · " + moderationCase.reason().label() + " · user "
                + moderationCase.userId());
        if (moderationCase.reports() > 0) {
            lines.add(moderationCase.reports() + " report(s) by " + moderationCase.reporters() + " user(s): "
                    + moderationCase.reportReasons());
        }
        List<String> state = new ArrayList<>();
        if (moderationCase.held()) {
            state.add("out of matching");
        }
        if (moderationCase.mutedUntil() != null) {
            state.add("muted until " + when(moderationCase.mutedUntil()));
        }
        if (moderationCase.banned()) {
            state.add("banned");
        }
        if (!state.isEmpty()) {
            lines.add(String.join(" · ", state));
        }
        if (moderationCase.appeal() != null) {
            lines.add("Appeal: “" + moderationCase.appeal() + "”");
        }
        lines.add("Opened " + when(moderationCase.openedAt()) + ", last news " + when(
                moderationCase.updatedAt()));
        return String.join("\n", lines);
    }
}
