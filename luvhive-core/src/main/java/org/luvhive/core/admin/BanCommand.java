package org.luvhive.core.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.ui.Notices;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.update.UpdateRouter;

/** {@code /ban <user id> <30m|12h|7d|4w|perm> <reason>} (admin). Thread-safe. */
public final class BanCommand implements UpdateHandler {

    private final Banning banning;
    private final Moderation moderation;

    public BanCommand(Banning banning, Moderation moderation) {
        this.banning = banning;
        this.moderation = moderation;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] parts = UpdateRouter.commandArguments(context.update().getMessage()).split("\\s+", 3);
        if (parts.length < 3 || !parts[0].matches("\\d{1,19}")) {
            context.replyText("admin.ban.usage");
            return;
        }
        Optional<Optional<Duration>> duration = BanDurations.parse(parts[1]);
        if (duration.isEmpty()) {
            context.replyText("admin.ban.bad_duration", parts[1]);
            return;
        }
        long target = Long.parseLong(parts[0]);
        Instant until = duration.get().map(context.now()::plus).orElse(null);
        String reason = parts[2].strip();
        banning.ban(context.handle(), target, until, reason.length() > 500 ? reason.substring(0, 500) : reason,
                context.userId(), context.now());
        moderation.audit(context.handle(), context.userId(), "ban-done", String.valueOf(target), parts[1] + " " + reason,
                true, context.now());
        context.reply(until == null ? context.text("admin.ban.done_permanent", target)
                : context.text("admin.ban.done_until", target, Notices.when(until)));
    }
}
