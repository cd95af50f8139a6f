package org.luvhive.core.chat;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.internal.ChatDao;
import org.luvhive.core.chat.internal.RevealDao;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * Mutual reveal within one chat: a side consents (keeping the @username they have then);
 * when the other side consents too, each is sent the other's @username, or a
 * {@code tg://user?id=} link when there is none, in the same transaction, and both consents
 * go. One consent alone shows nothing and can be withdrawn. Consents to one chat are
 * decided one after the other (its row is locked). Stateless; thread-safe.
 */
final class MutualReveal {

    /** Callback data: {@code rvl:<chat>:yes} consents, {@code rvl:<chat>:no} withdraws. */
    static final String PREFIX = "rvl:";

    private final Users users;

    MutualReveal(Users users) {
        this.users = users;
    }

    /** The sender consents to reveal in {@code chatId}; returns the key of what to answer them, if anything. */
    Optional<String> consent(UpdateContext context, long chatId) {
        Handle handle = context.handle();
        RevealDao reveals = handle.attach(RevealDao.class);
        Optional<ChatMembership> membership = activeMembership(context, reveals, chatId);
        if (membership.isEmpty()) {
            return Optional.of("reveal.chat_over");
        }
        long userId = context.userId();
        long partner = membership.get().partnerId();
        String username = context.from().map(User::getUserName).filter(name -> !name.isBlank()).orElse(null);
        if (reveals.consent(chatId, userId, username, context.now()) == 0) {
            return Optional.of("reveal.already");
        }
        Optional<String> partnerUsername = reveals.consentOf(chatId, partner);
        if (partnerUsername.isPresent()) {
            reveals.clear(chatId);
            context.send(identity(userId, context.language(), partner, partnerUsername.get()));
            context.send(identity(partner, users.language(handle, partner), userId, username == null ? "" : username));
            return Optional.empty();
        }
        context.send(notice(userId, context.text("reveal.asked"), keyboard(row(
                button(context.text("reveal.button.withdraw"), PREFIX + chatId + ":no")))));
        Language partnerLanguage = users.language(handle, partner);
        context.send(notice(partner, Texts.of(partnerLanguage, "reveal.proposed"), keyboard(row(
                button(Texts.of(partnerLanguage, "reveal.button.reveal"), PREFIX + chatId + ":yes")))));
        return Optional.empty();
    }

    /** The sender withdraws their consent in {@code chatId}; returns the key of what to answer them. */
    String withdraw(UpdateContext context, long chatId) {
        RevealDao reveals = context.handle().attach(RevealDao.class);
        Optional<ChatMembership> membership = activeMembership(context, reveals, chatId);
        if (membership.isEmpty() || reveals.withdraw(chatId, context.userId()) == 0) {
            return "reveal.nothing_to_withdraw";
        }
        long partner = membership.get().partnerId();
        context.send(notice(partner, Texts.of(users.language(context.handle(), partner), "reveal.partner_withdrew")));
        return "reveal.withdrawn";
    }

    private static Optional<ChatMembership> activeMembership(UpdateContext context, RevealDao reveals, long chatId) {
        if (!reveals.lockChat(chatId).orElse(false)) {
            return Optional.empty();
        }
        return context.handle().attach(ChatDao.class).membership(chatId, context.userId())
                .filter(ChatMembership::active);
    }

    /** Tells {@code recipient} who {@code revealed} is: their @username, else a link to their profile. */
    private static OutboundMessage identity(long recipient, Language language, long revealed, String username) {
        SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder().chatId(recipient);
        if (!username.isEmpty()) {
            message.text(Texts.of(language, "reveal.done", "@" + username));
        } else {
            String label = Texts.of(language, "reveal.link_label");
            String text = Texts.of(language, "reveal.done", label);
            message.text(text).entities(List.of(MessageEntity.builder().type("text_link").offset(text.indexOf(label))
                    .length(label.length()).url("tg://user?id=" + revealed).build()));
        }
        return OutboundMessage.of(recipient, Priority.NOTICE, message.build());
    }
}
