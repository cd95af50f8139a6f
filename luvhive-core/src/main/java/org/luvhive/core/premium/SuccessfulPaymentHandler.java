package org.luvhive.core.premium;

import java.time.Instant;
import java.util.Optional;
import org.luvhive.core.ui.Notices;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.objects.payments.SuccessfulPayment;

/**
 * A successful payment: premium granted exactly once per telegram_payment_charge_id, from
 * the current expiry. A payload that does not parse is still recorded (the user paid) for
 * the days the amount buys at most, and the admins can refund it. A charge id seen again
 * under another update is recorded as a fraud signal. Thread-safe.
 */
public final class SuccessfulPaymentHandler implements UpdateHandler {

    private final Payments payments;
    private final Users users;
    private final PremiumCatalog catalog;
    private final PaymentSignals signals;

    public SuccessfulPaymentHandler(Payments payments, Users users, PremiumCatalog catalog, PaymentSignals signals) {
        this.payments = payments;
        this.users = users;
        this.catalog = catalog;
        this.signals = signals;
    }

    @Override
    public void handle(UpdateContext context) {
        SuccessfulPayment payment = context.update().getMessage().getSuccessfulPayment();
        long userId = context.userId();
        int amount = payment.getTotalAmount() == null ? 0 : payment.getTotalAmount();
        int days = InvoicePayload.parse(payment.getInvoicePayload()).map(InvoicePayload::days)
                .or(() -> catalog.packs().stream().filter(pack -> pack.stars() <= amount)
                        .map(PremiumPack::days).reduce((first, second) -> second))
                .orElse(1);
        Payments.Grant grant = payments.grant(context.handle(), userId, payment.getTelegramPaymentChargeId(), days,
                Math.max(amount, 1), payment.getCurrency(), context.now());
        if (grant == Payments.Grant.DUPLICATE) {
            // the inbox drops a redelivered update, so this is the same charge under another update
            signals.chargeSeenTwice(context.handle(), userId, payment.getTelegramPaymentChargeId(), context.now());
            return;
        }
        Optional<Instant> until = users.find(context.handle(), userId).map(UserProfile::premiumUntil);
        context.reply("⭐ Thank you! Premium is active until " + until.map(Notices::when).orElse("?")
                + ".\nTry /filters and /boost.");
    }
}
