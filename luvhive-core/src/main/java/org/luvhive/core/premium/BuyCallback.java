package org.luvhive.core.premium;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;

import java.util.List;
import java.util.Optional;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;

/** A pack button ({@code prem:30}): sends the Stars invoice (currency XTR, no provider token). Thread-safe. */
public final class BuyCallback implements UpdateHandler {

    public static final String PREFIX = "prem:";

    private final PremiumCatalog catalog;

    public BuyCallback(PremiumCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        Optional<PremiumPack> pack = arguments.length == 1 && arguments[0].matches("\\d{1,4}")
                ? catalog.forDays(Integer.parseInt(arguments[0])) : Optional.empty();
        if (pack.isEmpty()) {
            answerCallback(context, context.text("premium.pack_gone"), true);
            return;
        }
        answerCallback(context);
        long userId = context.userId();
        context.send(OutboundMessage.of(userId, Priority.NOTICE, SendInvoice.builder()
                .chatId(userId)
                .title(context.text("premium.invoice.title", pack.get().days()))
                .description(context.text("premium.invoice.description", pack.get().days()))
                .payload(pack.get().payload(userId))
                .providerToken("")
                .currency("XTR")
                .prices(List.of(new LabeledPrice(context.text("premium.invoice.label", pack.get().days()),
                        pack.get().stars())))
                .build()));
    }
}
