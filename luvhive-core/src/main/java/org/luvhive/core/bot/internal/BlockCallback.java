package org.luvhive.core.bot.internal;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import java.util.Optional;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.EndReason;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/**
 * Blocks the current or last partner: {@code /block}, or the {@code blk:<chat>} button
 * after a chat. A blocked pair is never matched again; a chat still on ends. Thread-safe.
 */
public final class BlockCallback implements UpdateHandler {

    public static final String PREFIX = "blk:";

    private final Chats chats;
    private final Moderation moderation;

    public BlockCallback(Chats chats, Moderation moderation) {
        this.chats = chats;
        this.moderation = moderation;
    }

    @Override
    public void handle(UpdateContext context) {
        Optional<ChatMembership> target;
        if (context.update().hasCallbackQuery()) {
            String[] arguments = callbackArguments(context, PREFIX);
            target = arguments.length == 1 && arguments[0].matches("\\d{1,18}")
                    ? chats.membership(context.handle(), Long.parseLong(arguments[0]), context.userId()) : Optional.empty();
            answerCallback(context);
        } else {
            target = chats.latest(context.handle(), context.userId());
        }
        if (target.isEmpty()) {
            context.replyText("block.nobody");
            return;
        }
        if (context.update().hasCallbackQuery()) {
            editKeyboard(context, null);
        }
        moderation.block(context.handle(), context.userId(), target.get().partnerId(), target.get().chatId(),
                context.now());
        if (target.get().active()) {
            chats.end(context.handle(), context.userId(), EndReason.BLOCK, context.now());
        }
        context.replyText("block.done");
    }
}
