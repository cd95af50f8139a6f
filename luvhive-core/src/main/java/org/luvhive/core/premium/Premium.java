package org.luvhive.core.premium;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.user.UserDao;
import org.luvhive.core.user.UserProfile;

/**
 * Granting and taking back premium. A payment counts once per Telegram charge id and
 * extends premium from the current expiry (not from now) when that is still ahead; a
 * refund shortens it by the days bought. Works in the caller's transaction. Stateless;
 * thread-safe.
 */
public final class Premium {

    /** What {@link #grant} did. */
    public enum Grant { GRANTED, DUPLICATE }

    /**
     * Records the payment and extends premium; DUPLICATE (and nothing changes) when this
     * charge was recorded before.
     */
    public Grant grant(Handle handle, long userId, String chargeId, int days, int amount, String currency,
                       Instant now) {
        UserDao users = handle.attach(UserDao.class);
        users.insert(userId, now);
        UserProfile user = users.findForUpdate(userId).orElseThrow();
        Instant base = user.isPremium(now) ? user.premiumUntil() : now;
        Instant until = base.plus(Duration.ofDays(days));
        if (handle.attach(PaymentDao.class).insert(chargeId, userId, days, amount, currency, now, until) == 0) {
            return Grant.DUPLICATE;
        }
        users.setPremiumUntil(userId, until, now);
        return Grant.GRANTED;
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
        UserDao users = handle.attach(UserDao.class);
        users.findForUpdate(payment.get().userId()).ifPresent(user -> {
            if (user.premiumUntil() != null) {
                users.setPremiumUntil(user.userId(), user.premiumUntil().minus(Duration.ofDays(payment.get().days())),
                        now);
            }
        });
        return payment;
    }

    public Optional<Payment> find(Handle handle, String chargeId) {
        return handle.attach(PaymentDao.class).findForUpdate(chargeId);
    }
}
