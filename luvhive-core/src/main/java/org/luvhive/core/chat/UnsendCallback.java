package org.luvhive.core.chat;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/**
 * The Unsend button under "Unsend your last message?" ({@code uns:<source message id>}):
 * unsends exactly the message it names, with the same checks as a reply {@code /unsend}
 * (own message, not unsent yet, within 48 hours). The button goes once tapped. Thread-safe.
 */
public final class UnsendCallback implements UpdateHandler {

    public static final String PREFIX = UnsendCommand.PREFIX;

    private final UnsendCommand unsend;

    public UnsendCallback(UnsendCommand unsend) {
        this.unsend = unsend;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        String outcome = arguments.length == 1 && arguments[0].matches("\\d{1,9}")
                ? unsend.unsend(context, Integer.parseInt(arguments[0])) : "chat.unsend.unknown";
        answerCallback(context);
        editKeyboard(context, null);
        context.replyText(outcome);
    }
}
