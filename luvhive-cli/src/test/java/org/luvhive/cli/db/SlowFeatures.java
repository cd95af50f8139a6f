package org.luvhive.cli.db;

import java.util.List;
import org.luvhive.core.bot.BotFeatures;
import org.luvhive.core.update.MessageKind;
import org.luvhive.core.update.UpdateRouter;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/** A bot whose every text holds its database connection for {@code seconds}: a slow handler. */
final class SlowFeatures implements BotFeatures {

    private final UpdateRouter router;

    SlowFeatures(double seconds) {
        this.router = UpdateRouter.builder()
                .command("start", context -> { })
                .message(MessageKind.TEXT, context -> context.handle()
                        .createQuery("select pg_sleep(" + seconds + ")::text").mapTo(String.class).one())
                .build();
    }

    @Override
    public UpdateRouter router() {
        return router;
    }

    @Override
    public List<BotApiMethod<?>> startupCalls() {
        return List.of();
    }
}
