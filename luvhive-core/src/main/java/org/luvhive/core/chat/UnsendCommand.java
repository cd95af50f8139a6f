package org.luvhive.core.chat;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;
import static org.luvhive.core.ui.Notices.when;

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
 * {@code /unsend}. As a reply to one of the sender's own messages: its copy in the partner's
 * chat is deleted ({@code deleteMessage} through the outbox) and both are told; a medium still
 * held for the partner's consent is simply withdrawn. Without a reply: "Unsend your last
 * message (sent at ...)?" with an Unsend button ({@link UnsendCallback}), naming that one
 * message, so a tap later never takes back a newer one. Works within {@link #WINDOW} of the
 * copy being made, during the chat or after it; the relay map holds the ids, and its mapping
 * goes with the copy, so a message is unsent once. Stateless; thread-safe.
 */
public final class UnsendCommand implements UpdateHandler {

    /** How long a copy can be unsent: a bot may delete a message in a private chat for 48 hours. */
    public static final Duration WINDOW = Duration.ofHours(48);
    /** Callback data of the button: {@code uns:<source message id>}. */
    public static final String PREFIX = "uns:";

    private final Users users;
    private final MediaConsent consent;

    /** @param users whose language the partner is told in */
    public UnsendCommand(Users users, MediaConsent consent) {
        this.users = users;
        this.consent = consent;
    }

    @Override
    public void handle(UpdateContext context) {
        Message repliedTo = context.update().getMessage().getReplyToMessage();
        if (repliedTo == null) {
            offerLast(context);
            return;
        }
        ChatDao chats = context.handle().attach(ChatDao.class);
        long userId = context.userId();
        Optional<RelayedMessage> own = chats.bySource(userId, repliedTo.getMessageId());
        if (own.isEmpty()) {
            if (consent.withdraw(context.handle(), userId, repliedTo.getMessageId())) {
                context.replyText("chat.unsend.withdrawn");
                return;
            }
            if (chats.byCopy(userId, repliedTo.getMessageId()).isPresent()) {
                context.replyText("chat.unsend.not_yours");
                return;
            }
        }
        context.replyText(unsend(context, own));
    }

    /**
     * Unsends the copy of the user's message {@code sourceMessageId}, telling the partner;
     * returns the key of what to tell the user.
     */
    public String unsend(UpdateContext context, int sourceMessageId) {
        return unsend(context, context.handle().attach(ChatDao.class).bySource(context.userId(), sourceMessageId));
    }

    /** Unsends {@code own}, the relay map's entry of the user's message, when there is one. */
    private String unsend(UpdateContext context, Optional<RelayedMessage> own) {
        ChatDao chats = context.handle().attach(ChatDao.class);
        long userId = context.userId();
        if (own.isEmpty()) {
            return "chat.unsend.unknown";
        }
        RelayedMessage copy = own.get();
        if (copy.relayedAt().plus(WINDOW).isBefore(context.now())) {
            return "chat.unsend.too_late";
        }
        if (chats.deleteRelayed(userId, copy.sourceMessageId()) == 0) {
            return "chat.unsend.unknown"; // an unsend a moment ago took it
        }
        long partner = copy.recipientId();
        context.send(OutboundMessage.of(partner, Priority.RELAY,
                DeleteMessage.builder().chatId(partner).messageId(copy.copyMessageId()).build()));
        context.send(notice(partner, Texts.of(users.language(context.handle(), partner), "chat.unsend.partner")));
        return "chat.unsend.done";
    }

    /** "Unsend your last message?" with the button, or how to unsend when there is none left to. */
    private void offerLast(UpdateContext context) {
        Optional<RelayedMessage> last = context.handle().attach(ChatDao.class).lastOf(context.userId())
                .filter(copy -> !copy.relayedAt().plus(WINDOW).isBefore(context.now()));
        if (last.isEmpty()) {
            context.replyText("chat.unsend.how");
            return;
        }
        context.send(notice(context.userId(), context.text("chat.unsend.offer", when(last.get().relayedAt())),
                keyboard(row(button(context.text("chat.unsend.button"), PREFIX + last.get().sourceMessageId())))));
    }
}
