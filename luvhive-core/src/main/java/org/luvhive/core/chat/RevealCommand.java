package org.luvhive.core.chat;

import java.util.Optional;
import org.luvhive.core.chat.internal.ChatDao;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Users;

/**
 * {@code /reveal}: proposes to the partner that both show who they are, or agrees to the
 * partner's proposal ({@link MutualReveal}). Stateless; thread-safe.
 */
public final class RevealCommand implements UpdateHandler {

    private final MutualReveal reveal;

    /** @param users whose language the partner is told in */
    public RevealCommand(Users users) {
        this.reveal = new MutualReveal(users);
    }

    @Override
    public void handle(UpdateContext context) {
        Optional<ChatMembership> membership = context.handle().attach(ChatDao.class).active(context.userId());
        if (membership.isEmpty()) {
            context.replyText(RelayMessage.NOT_IN_CHAT);
            return;
        }
        reveal.consent(context, membership.get().chatId()).ifPresent(key -> context.replyText(key));
    }
}
