package org.luvhive.core.delivery.internal;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.luvhive.core.telegram.SendMediaById;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.ForwardMessage;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendContact;
import org.telegram.telegrambots.meta.api.methods.send.SendLocation;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/**
 * The Bot API calls the outbox can carry, by name, so a stored row turns back into the
 * TelegramBots method object it was made from. Calls that upload files are not here:
 * the bot relays media by copying or by resending a file_id ({@link SendMediaById}, for
 * spoilers), never by re-uploading.
 */
public final class MethodTypes {

    private static final Map<String, Class<? extends BotApiMethod<?>>> TYPES = Map.ofEntries(
            Map.entry("sendmessage", SendMessage.class),
            Map.entry("copymessage", CopyMessage.class),
            Map.entry("forwardmessage", ForwardMessage.class),
            Map.entry("editmessagetext", EditMessageText.class),
            Map.entry("editmessagecaption", EditMessageCaption.class),
            Map.entry("editmessagereplymarkup", EditMessageReplyMarkup.class),
            Map.entry("deletemessage", DeleteMessage.class),
            Map.entry("answercallbackquery", AnswerCallbackQuery.class),
            Map.entry("sendchataction", SendChatAction.class),
            Map.entry("sendinvoice", SendInvoice.class),
            Map.entry("refundstarpayment", RefundStarPayment.class),
            Map.entry("sendlocation", SendLocation.class),
            Map.entry("sendcontact", SendContact.class),
            Map.entry("sendphoto", SendMediaById.Photo.class),
            Map.entry("sendvideo", SendMediaById.Video.class),
            Map.entry("sendanimation", SendMediaById.Animation.class),
            Map.entry("sendvideonote", SendMediaById.VideoNote.class));

    private MethodTypes() {
    }

    public static String nameOf(BotApiMethod<?> method) {
        String name = method.getMethod().toLowerCase(Locale.ROOT);
        if (!TYPES.containsKey(name)) {
            throw new IllegalArgumentException("the outbox does not carry " + method.getMethod()
                    + "; supported: " + new TreeSet<>(TYPES.keySet()));
        }
        return name;
    }

    public static Class<? extends BotApiMethod<?>> typeOf(String name) {
        Class<? extends BotApiMethod<?>> type = TYPES.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown outbox method " + name);
        }
        return type;
    }

    /**
     * Whether the call counts against the send limits. Answering a button press and the
     * "typing…" action do not: they are cheap for Telegram and a user is waiting on them.
     */
    public static boolean countsAgainstLimits(String name) {
        return !name.equals("answercallbackquery") && !name.equals("sendchataction");
    }
}
