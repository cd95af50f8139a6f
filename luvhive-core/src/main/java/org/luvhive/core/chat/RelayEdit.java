package org.luvhive.core.chat;

import java.util.Optional;
import org.luvhive.core.chat.internal.ChatDao;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * An edited message: the same edit is made to its copy in the partner's chat, while the
 * chat lasts. Text edits become editMessageText, caption edits editMessageCaption; other
 * edits (live locations) are left alone. Stateless; thread-safe.
 */
public final class RelayEdit implements UpdateHandler {

    @Override
    public void handle(UpdateContext context) {
        Message edited = context.update().getEditedMessage();
        ChatDao chats = context.handle().attach(ChatDao.class);
        Optional<ChatMembership> membership = chats.active(context.userId());
        if (membership.isEmpty()) {
            return;
        }
        Optional<RelayedMessage> relayed = chats.bySource(context.userId(), edited.getMessageId())
                .filter(found -> found.chatId() == membership.get().chatId());
        if (relayed.isEmpty()) {
            context.replyText("chat.edit_not_passed");
            return;
        }
        long partner = relayed.get().recipientId();
        int copyId = relayed.get().copyMessageId();
        String correlation = RelayCorrelation.ofEdit(relayed.get().chatId(), context.userId(), edited.getMessageId());
        if (edited.hasText()) {
            EditMessageText.EditMessageTextBuilder<?, ?> edit = EditMessageText.builder()
                    .chatId(partner).messageId(copyId).text(edited.getText());
            if (edited.getEntities() != null) {
                edit.entities(edited.getEntities());
            }
            context.send(OutboundMessage.of(partner, Priority.RELAY, edit.build()).correlatedWith(correlation));
        } else if (edited.getCaption() != null) {
            EditMessageCaption.EditMessageCaptionBuilder edit = EditMessageCaption.builder()
                    .chatId(String.valueOf(partner)).messageId(copyId).caption(edited.getCaption());
            if (edited.getCaptionEntities() != null) {
                edit.captionEntities(edited.getCaptionEntities());
            }
            context.send(OutboundMessage.of(partner, Priority.RELAY, edit.build()).correlatedWith(correlation));
        }
    }
}
