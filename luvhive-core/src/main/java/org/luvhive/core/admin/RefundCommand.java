package org.luvhive.core.admin;

import static org.luvhive.core.ui.Notices.notice;

import java.util.Optional;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.premium.Payment;
import org.luvhive.core.premium.PaymentSignals;
import org.luvhive.core.premium.Payments;
import org.luvhive.core.telegram.TelegramCallException;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.update.UpdateRouter;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;

/**
 * {@code /refund <telegram_payment_charge_id>} (admin): asks Telegram to refund the
 * Stars (directly: the outbox does not carry refunds, and the premium must only be
 * shortened once Telegram agreed), then shortens the buyer's premium and records it.
 * Telegram's "already refunded" is taken as agreement, so a retried update still records
 * the refund. Every refund is a fraud signal (also when the premium was used first, or the
 * buyer's second within 30 days). Thread-safe.
 */
public final class RefundCommand implements UpdateHandler {

    private final Payments payments;
    private final Moderation moderation;
    private final Users users;
    private final PaymentSignals signals;

    public RefundCommand(Payments payments, Moderation moderation, Users users, PaymentSignals signals) {
        this.payments = payments;
        this.moderation = moderation;
        this.users = users;
        this.signals = signals;
    }

    @Override
    public void handle(UpdateContext context) {
        String chargeId = UpdateRouter.commandArguments(context.update().getMessage());
        if (chargeId.isEmpty() || chargeId.contains(" ") || chargeId.length() > 200) {
            context.replyText("admin.refund.usage");
            return;
        }
        Optional<Payment> payment = payments.find(context.handle(), chargeId);
        if (payment.isEmpty()) {
            context.replyText("admin.refund.unknown", chargeId);
            return;
        }
        if (payment.get().refundedAt() != null) {
            context.replyText("admin.refund.already");
            return;
        }
        try {
            context.callNow(RefundStarPayment.builder().userId(payment.get().userId())
                    .telegramPaymentChargeId(chargeId).build());
        } catch (TelegramCallException refused) {
            if (refused.description() == null || !refused.description().contains("CHARGE_ALREADY_REFUNDED")) {
                moderation.audit(context.handle(), context.userId(), "refund-failed", chargeId, refused.description(),
                        true, context.now());
                context.replyText("admin.refund.refused", refused.description());
                return;
            }
        }
        boolean used = premiumUsed(context, payment.get());
        payments.recordRefund(context.handle(), chargeId, context.userId(), context.now());
        signals.refunded(context.handle(), payment.get().userId(), chargeId, used, context.now());
        moderation.audit(context.handle(), context.userId(), "refund-done", chargeId,
                payment.get().amount() + " XTR, " + payment.get().days() + " days", true, context.now());
        context.replyText("admin.refund.done", payment.get().amount(), payment.get().userId(), payment.get().days());
        context.send(notice(payment.get().userId(), Texts.of(users.language(context.handle(), payment.get().userId()),
                "premium.refunded", payment.get().amount(), payment.get().days())));
    }

    /**
     * Whether the buyer used what they paid for before asking for the money back: a boost
     * after the payment, or premium filters set (only premium can set them).
     */
    private boolean premiumUsed(UpdateContext context, Payment payment) {
        return users.find(context.handle(), payment.userId()).map(user ->
                user.lastBoostAt() != null && user.lastBoostAt().isAfter(payment.paidAt())
                        || user.filterGender() != null || user.filterAgeMin() != null || user.filterAgeMax() != null
                        || user.filterSameCity()).orElse(false);
    }
}
