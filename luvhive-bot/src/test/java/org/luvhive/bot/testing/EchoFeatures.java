package org.luvhive.bot.testing;

import java.util.List;
import org.luvhive.core.bot.BotFeatures;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.update.MessageKind;
import org.luvhive.core.update.UpdateRouter;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** A bot that answers every text but commands with "echo: <text>" (as a relay), to test the pipeline alone. */
public final class EchoFeatures implements BotFeatures {

    private final UpdateRouter router = UpdateRouter.builder()
            .command("start", context -> { })
            .message(MessageKind.TEXT, context -> context.send(OutboundMessage.of(context.chatId(), Priority.RELAY,
                    SendMessage.builder().chatId(context.chatId())
                            .text("echo: " + context.update().getMessage().getText()).build())))
            .build();

    @Override
    public UpdateRouter router() {
        return router;
    }

    @Override
    public List<org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod<?>> startupCalls() {
        return List.of();
    }
}
