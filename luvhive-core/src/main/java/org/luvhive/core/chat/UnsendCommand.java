package org.luvhive.core.chat;

import static org.luvhive.core.ui.Notices.notice;

import java.time.Duration;
import java.util.Optional;
import org.luvhive.core.chat.internal.ChatDao;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * {@code /unsend}, sent as a reply to one of the sender's own messages: its copy in the
 * partner's chat is deleted ({@code deleteMessage} through the outbox) and both are told.
 * Works within {@link #WINDOW} of the copy being made, during the chat or after it; the
 * relay map holds the ids, and its mapping goes with the copy, so a message is unsent once.
 * Stateless; thread-safe.
 */
public final class UnsendCommand implements UpdateHandler {

    /** How long a copy can be unsent: a bot may delete a message in a private chat for 48 hours. */
    public static final Duration WINDOW = Duration.ofHours(48);

    private final Users users;

    /** @param users whose language the partner is told in */
    public UnsendCommand(Users users) {
        this.users = users;
    }

    @Override
    public void handle(UpdateContext context) {
        Message repliedTo = context.update().getMessage().getReplyToMessage();
        if (repliedTo == null) {
            context.replyText("chat.unsend.how");
            return;
        }
        ChatDao chats = context.handle().attach(ChatDao.class);
        long userId = context.userId();
        Optional<RelayedMessage> own = chats.bySource(userId, repliedTo.getMessageId());
        if (own.isEmpty()) {
            context.replyText(chats.byCopy(userId, repliedTo.getMessageId()).isPresent()
                    ? "chat.unsend.not_yours" : "chat.unsend.unknown");
            return;
        }
        RelayedMessage copy = own.get();
        if (copy.relayedAt().plus(WINDOW).isBefore(context.now())) {
            context.replyText("chat.unsend.too_late");
            return;
        }
        if (chats.deleteRelayed(userId, copy.sourceMessageId()) == 0) {
            context.replyText("chat.unsend.unknown"); // an unsend a moment ago took it
            return;
        }
        long partner = copy.recipientId();
        context.send(OutboundMessage.of(partner, Priority.RELAY,
                DeleteMessage.builder().chatId(partner).messageId(copy.copyMessageId()).build()));
        context.send(notice(partner, Texts.of(users.language(context.handle(), partner), "chat.unsend.partner")));
        context.replyText("chat.unsend.done");
    }
}
