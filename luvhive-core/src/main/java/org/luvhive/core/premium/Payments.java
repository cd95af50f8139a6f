package org.luvhive.core.premium;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.premium.internal.PaymentDao;
import org.luvhive.core.premium.internal.PromiseDao;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;

/**
 * Payments for premium and what they grant ({@code payments} and
 * {@code checkout_refusals} are this feature's tables; premium expiry is kept with the
 * profile, through {@link Users}). A payment counts once per Telegram charge id and
 * extends premium from the current expiry (not from now) when that is still ahead; a
 * refund shortens it by the days bought. Works in the caller's transaction. Stateless;
 * thread-safe.
 */
public final class Payments {

    /** What {@link #grant} did. */
    public enum Grant { GRANTED, DUPLICATE, MISMATCH }

    private final Users users;

    public Payments(Users users) {
        this.users = users;
    }

    /**
     * Records the payment and extends premium; DUPLICATE (and nothing changes) when this
     * charge was recorded before.
     */
    public Grant grant(Handle handle, long userId, String chargeId, int days, int amount, String currency,
                       Instant now) {
        users.register(handle, userId, Language.DEFAULT, now);
        UserProfile user = users.findForUpdate(handle, userId).orElseThrow();
        Instant base = user.isPremium(now) ? user.premiumUntil() : now;
        Instant until = base.plus(Duration.ofDays(days));
        if (handle.attach(PaymentDao.class).insert(chargeId, userId, days, amount, currency, now, until) == 0) {
            return Grant.DUPLICATE;
        }
        users.setPremiumUntil(handle, userId, until, now);
        return Grant.GRANTED;
    }

    /**
     * Records a paid boost (days 0: it grants no premium; premium is left as it is);
     * DUPLICATE when this charge was recorded before.
     */
    public Grant grantBoost(Handle handle, long userId, String chargeId, int amount, String currency, Instant now) {
        users.register(handle, userId, Language.DEFAULT, now);
        UserProfile user = users.findForUpdate(handle, userId).orElseThrow();
        Instant until = user.isPremium(now) ? user.premiumUntil() : now;
        return handle.attach(PaymentDao.class).insert(chargeId, userId, 0, amount, currency, now, until) == 0
                ? Grant.DUPLICATE : Grant.GRANTED;
    }

    /**
     * Records a payment that grants nothing, because it does not match what it claims to
     * buy ({@code mismatch} says how), so an admin can see and refund it; premium is left
     * as it is. MISMATCH, or DUPLICATE when this charge was recorded before.
     */
    public Grant recordMismatch(Handle handle, long userId, String chargeId, int amount, String currency,
                                String mismatch, Instant now) {
        users.register(handle, userId, Language.DEFAULT, now);
        UserProfile user = users.findForUpdate(handle, userId).orElseThrow();
        Instant until = user.isPremium(now) ? user.premiumUntil() : now;
        return handle.attach(PaymentDao.class).insertMismatch(chargeId, userId, amount, currency, now, until,
                mismatch) == 0 ? Grant.DUPLICATE : Grant.MISMATCH;
    }

    /**
     * Records a refund Telegram accepted and shortens the buyer's premium by the days
     * bought; empty when the charge is unknown or already refunded.
     */
    public Optional<Payment> recordRefund(Handle handle, String chargeId, long adminId, Instant now) {
        PaymentDao payments = handle.attach(PaymentDao.class);
        Optional<Payment> payment = payments.findForUpdate(chargeId);
        if (payment.isEmpty() || payments.markRefunded(chargeId, adminId, now) == 0) {
            return Optional.empty();
        }
        users.findForUpdate(handle, payment.get().userId()).ifPresent(user -> {
            if (user.premiumUntil() != null) {
                users.setPremiumUntil(handle, user.userId(),
                        user.premiumUntil().minus(Duration.ofDays(payment.get().days())), now);
            }
        });
        return payment;
    }

    /**
     * Records a refund the bot made itself, once Telegram agreed (a paid boost that found
     * nobody in time: it granted no premium, so none is taken back); false when the charge
     * was refunded before.
     */
    public boolean recordAutomaticRefund(Handle handle, String chargeId, Instant now) {
        return handle.attach(PaymentDao.class).markRefundedAutomatically(chargeId, now) == 1;
    }

    /** The payment of this charge, its row locked for the rest of the transaction. */
    public Optional<Payment> find(Handle handle, String chargeId) {
        return handle.attach(PaymentDao.class).findForUpdate(chargeId);
    }

    /** How many payments the user made. */
    public long countOf(Handle handle, long userId) {
        return handle.attach(PaymentDao.class).countOf(userId);
    }

    /**
     * Deletes the user's refused checkouts (fraud-limit traces) and credited filter searches,
     * and others' refusals of invoices issued to them forget them. Their payments, their paid
     * boosts' promises and the fraud signals about them are kept, as /privacy says:
     * accounting and refunds need them.
     */
    public void forget(Handle handle, long userId) {
        handle.attach(PromiseDao.class).deleteUnpaidOf(userId);
        PaymentDao payments = handle.attach(PaymentDao.class);
        payments.deleteRefusalsOf(userId);
        payments.forgetInvoiceUser(userId);
    }
}
