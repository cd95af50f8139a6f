package org.luvhive.core.chat;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import java.util.Optional;
import org.luvhive.core.chat.internal.ChatDao;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/**
 * The receiver's answer to "Allow media in this chat?": {@code media:<chat>:allow} delivers
 * the held media and lets the rest through, {@code media:<chat>:deny} drops them for the
 * rest of the chat ({@link MediaConsent}). The buttons go once answered. Thread-safe.
 */
public final class MediaConsentCallback implements UpdateHandler {

    public static final String PREFIX = MediaConsent.PREFIX;

    private final MediaConsent consent;

    public MediaConsentCallback(MediaConsent consent) {
        this.consent = consent;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        Optional<ChatMembership> membership = arguments.length == 2 && arguments[0].matches("\\d{1,18}")
                && arguments[1].matches("allow|deny")
                ? context.handle().attach(ChatDao.class).membership(Long.parseLong(arguments[0]), context.userId())
                : Optional.empty();
        Optional<String> answer = membership.flatMap(side -> consent.answer(context.handle(), context.outbox(),
                side.chatId(), side.userId(), side.partnerId(), arguments[1].equals("allow")));
        answerCallback(context, context.text(answer.orElse("media.chat_over")), false);
        editKeyboard(context, null);
    }
}
