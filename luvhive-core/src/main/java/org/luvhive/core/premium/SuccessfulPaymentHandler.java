package org.luvhive.core.premium;

import java.time.Instant;
import java.util.Optional;
import org.luvhive.core.ui.Notices;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.payments.SuccessfulPayment;

/**
 * A successful payment: premium granted exactly once per telegram_payment_charge_id, from
 * the current expiry, for the pack its payload names (or a paid boost started, see
 * {@link PaidBoosts}), and only when the payment is that pack's (or the boost's price): the payload ours and the payer's, the currency XTR, the amount the catalogue's
 * price. Anything else (forged, or altered on the way) grants nothing: it is recorded as
 * a mismatch with what did not match, logged, and the payer told an admin can refund it.
 * A charge id seen again under another update is recorded as a fraud signal. Thread-safe.
 */
public final class SuccessfulPaymentHandler implements UpdateHandler {

    public static final String MISMATCH_TEXT = "⚠️ This payment does not match our premium offer, so it granted "
            + "nothing. It is recorded; an admin can refund it.";
    private static final Logger LOG = LoggerFactory.getLogger(SuccessfulPaymentHandler.class);

    private final Payments payments;
    private final Users users;
    private final PremiumCatalog catalog;
    private final PaymentSignals signals;
    private final PaidBoosts boosts;

    public SuccessfulPaymentHandler(Payments payments, Users users, PremiumCatalog catalog, PaymentSignals signals,
                                    PaidBoosts boosts) {
        this.boosts = boosts;
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
        String currency = payment.getCurrency() == null ? "" : payment.getCurrency();
        Optional<InvoicePayload> payload = InvoicePayload.parse(payment.getInvoicePayload());
        Optional<String> mismatch = mismatch(payload, userId, amount, currency);
        boolean boost = mismatch.isEmpty() && payload.orElseThrow().isBoost();
        Payments.Grant grant = mismatch.isPresent()
                ? payments.recordMismatch(context.handle(), userId, payment.getTelegramPaymentChargeId(), amount,
                        currency, mismatch.get(), context.now())
                : boost ? payments.grantBoost(context.handle(), userId, payment.getTelegramPaymentChargeId(), amount,
                        currency, context.now())
                : payments.grant(context.handle(), userId, payment.getTelegramPaymentChargeId(),
                        payload.orElseThrow().days(), amount, currency, context.now());
        if (grant == Payments.Grant.MISMATCH) {
            LOG.warn("Payment {} of user {} granted nothing: {}", payment.getTelegramPaymentChargeId(), userId,
                    mismatch.orElseThrow());
            context.reply(MISMATCH_TEXT);
            return;
        }
        if (grant == Payments.Grant.DUPLICATE) {
            // the inbox drops a redelivered update, so this is the same charge under another update
            signals.chargeSeenTwice(context.handle(), userId, payment.getTelegramPaymentChargeId(), context.now());
            return;
        }
        if (boost) {
            boosts.start(context, payment.getTelegramPaymentChargeId(), amount);
            return;
        }
        Optional<Instant> until = users.find(context.handle(), userId).map(UserProfile::premiumUntil);
        context.replyText("premium.thanks", until.map(Notices::when).orElse("?"));
    }

    /** What does not match the pack the payload names, or empty when the payment is exactly that pack's. */
    private Optional<String> mismatch(Optional<InvoicePayload> payload, long userId, int amount, String currency) {
        if (payload.isEmpty()) {
            return Optional.of("the invoice payload is not one of ours");
        }
        if (payload.get().userId() != userId) {
            return Optional.of("the invoice was made for user " + payload.get().userId());
        }
        if (!"XTR".equals(currency)) {
            return Optional.of("paid in " + abbreviated(currency) + ", not XTR");
        }
        if (payload.get().isBoost()) {
            return amount == boosts.stars() && payload.get().stars() == boosts.stars() ? Optional.empty()
                    : Optional.of("paid " + amount + " XTR for a boost, which costs " + boosts.stars());
        }
        Optional<PremiumPack> pack = catalog.forDays(payload.get().days());
        if (pack.isEmpty()) {
            return Optional.of("no " + payload.get().days() + "-day pack is on sale");
        }
        if (amount != pack.get().stars() || payload.get().stars() != pack.get().stars()) {
            return Optional.of("paid " + amount + " XTR for the " + pack.get().days() + "-day pack, which costs "
                    + pack.get().stars());
        }
        return Optional.empty();
    }

    private static String abbreviated(String currency) {
        String printable = currency.replaceAll("[^A-Za-z0-9]", "?");
        return printable.length() > 10 ? printable.substring(0, 10) + "…" : printable;
    }
}
