package org.luvhive.core.bot.internal;

import java.util.Optional;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.RelayEdit;
import org.luvhive.core.moderation.Screening;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * An edit for the partner's copy, screened like a new message: editing a harmless text
 * into a link must not pass. Thread-safe.
 */
public final class ModeratedEdit implements UpdateHandler {

    private final Chats chats;
    private final RelayEdit edit;
    private final Screening screening;

    public ModeratedEdit(Chats chats, RelayEdit edit, Screening screening) {
        this.chats = chats;
        this.edit = edit;
        this.screening = screening;
    }

    @Override
    public void handle(UpdateContext context) {
        Message edited = context.update().getEditedMessage();
        String text = edited.hasText() ? edited.getText() : edited.getCaption();
        Optional<ChatMembership> membership = chats.active(context.handle(), context.userId());
        if (membership.isPresent() && text != null
                && !screening.admitEdit(context, membership.get().chatId(), text, !edited.hasText())) {
            return;
        }
        edit.handle(context);
    }
}
