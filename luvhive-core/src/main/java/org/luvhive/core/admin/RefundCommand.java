package org.luvhive.core.admin;

import static org.luvhive.core.ui.Notices.notice;

import java.util.Optional;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.premium.Payment;
import org.luvhive.core.premium.Payments;
import org.luvhive.core.telegram.TelegramCallException;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.update.UpdateRouter;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;

/**
 * {@code /refund <telegram_payment_charge_id>} (admin): asks Telegram to refund the
 * Stars (directly: the outbox does not carry refunds, and the premium must only be
 * shortened once Telegram agreed), then shortens the buyer's premium and records it.
 * Telegram's "already refunded" is taken as agreement, so a retried update still records
 * the refund. Thread-safe.
 */
public final class RefundCommand implements UpdateHandler {

    private final Payments payments;
    private final Moderation moderation;

    public RefundCommand(Payments payments, Moderation moderation) {
        this.payments = payments;
        this.moderation = moderation;
    }

    @Override
    public void handle(UpdateContext context) {
        String chargeId = UpdateRouter.commandArguments(context.update().getMessage());
        if (chargeId.isEmpty() || chargeId.contains(" ") || chargeId.length() > 200) {
            context.reply("Usage: /refund <telegram_payment_charge_id>");
            return;
        }
        Optional<Payment> payment = payments.find(context.handle(), chargeId);
        if (payment.isEmpty()) {
            context.reply("No payment with charge id " + chargeId + ".");
            return;
        }
        if (payment.get().refundedAt() != null) {
            context.reply("That payment was already refunded.");
            return;
        }
        try {
            context.callNow(RefundStarPayment.builder().userId(payment.get().userId())
                    .telegramPaymentChargeId(chargeId).build());
        } catch (TelegramCallException refused) {
            if (refused.description() == null || !refused.description().contains("CHARGE_ALREADY_REFUNDED")) {
                moderation.audit(context.handle(), context.userId(), "refund-failed", chargeId, refused.description(),
                        true, context.now());
                context.reply("❌ Telegram refused the refund: " + refused.description());
                return;
            }
        }
        payments.recordRefund(context.handle(), chargeId, context.userId(), context.now());
        moderation.audit(context.handle(), context.userId(), "refund-done", chargeId,
                payment.get().amount() + " XTR, " + payment.get().days() + " days", true, context.now());
        context.reply("✅ Refunded " + payment.get().amount() + " ⭐ to user " + payment.get().userId()
                + "; their premium was shortened by " + payment.get().days() + " days.");
        context.send(notice(payment.get().userId(), "⭐ Your payment of " + payment.get().amount()
                + " Stars was refunded; your premium was shortened by " + payment.get().days() + " days."));
    }
}
