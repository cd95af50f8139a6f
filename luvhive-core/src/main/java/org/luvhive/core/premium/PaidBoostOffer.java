package org.luvhive.core.premium;

import java.time.Duration;
import java.util.List;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.i18n.DurationWords;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;

/**
 * {@code /boost} without premium: one paid boost, in Stars, with its promise (a partner
 * within the promised time or the Stars back, automatically) and the XTR invoice. Paying
 * it starts the search (see {@link SuccessfulPaymentHandler}). Thread-safe.
 */
public final class PaidBoostOffer implements UpdateHandler {

    private final Chats chats;
    private final int stars;
    private final Duration promise;

    public PaidBoostOffer(Chats chats, int stars, Duration promise) {
        this.chats = chats;
        this.stars = stars;
        this.promise = promise;
    }

    @Override
    public void handle(UpdateContext context) {
        if (chats.active(context.handle(), context.userId()).isPresent()) {
            context.replyText("search.in_chat");
            return;
        }
        String within = DurationWords.describe(promise, context.language());
        context.replyText("boost.paid_offer", stars, within);
        long userId = context.userId();
        context.send(OutboundMessage.of(userId, Priority.NOTICE, SendInvoice.builder()
                .chatId(userId)
                .title(context.text("boost.invoice.title"))
                .description(context.text("boost.invoice.description", within))
                .payload(InvoicePayload.boost(stars, userId))
                .providerToken("")
                .currency("XTR")
                .prices(List.of(new LabeledPrice(context.text("boost.invoice.label"), stars)))
                .build()));
    }
}
