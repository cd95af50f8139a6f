package org.luvhive.core.premium;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.premium.internal.FraudDao;

/**
 * Records what looks like payment fraud, in the caller's transaction: refunds (and a
 * user's repeated ones, and those after the premium was used), several accounts trying to
 * pay invoices of one chat, a charge id seen twice. Stateless; thread-safe.
 */
public final class PaymentSignals {

    /** Within this window a second refund of one user is a signal of its own. */
    public static final Duration REPEAT_REFUND_WINDOW = Duration.ofDays(30);
    /** Within this window, this many other accounts trying one chat's invoices is a signal. */
    public static final Duration SHARED_INVOICE_WINDOW = Duration.ofHours(1);
    public static final int SHARED_INVOICE_PAYERS = 3;

    /** A refund Telegram agreed to; {@code used}: the premium was used before it. */
    public void refunded(Handle handle, long userId, String chargeId, boolean used, Instant now) {
        FraudDao dao = handle.attach(FraudDao.class);
        int earlier = dao.refundsSince(userId, now.minus(REPEAT_REFUND_WINDOW));
        dao.signal(PaymentSignal.REFUND.code(), userId, chargeId, null, now);
        if (used) {
            dao.signal(PaymentSignal.REFUND_AFTER_USE.code(), userId, chargeId, "premium used before the refund", now);
        }
        if (earlier > 0) {
            dao.signal(PaymentSignal.REPEAT_REFUNDS.code(), userId, chargeId,
                    (earlier + 1) + " refunds within " + REPEAT_REFUND_WINDOW.toDays() + " days", now);
        }
    }

    /** A successful payment whose charge id was recorded before, under another update. */
    public void chargeSeenTwice(Handle handle, long userId, String chargeId, Instant now) {
        handle.attach(FraudDao.class).signal(PaymentSignal.CHARGE_SEEN_TWICE.code(), userId, chargeId, null, now);
    }

    /**
     * After a refused pre-checkout for another account's invoice: signals once an hour
     * when enough accounts tried invoices of that chat.
     */
    public void afterForeignInvoice(Handle handle, long invoiceUser, Instant now) {
        FraudDao dao = handle.attach(FraudDao.class);
        Instant since = now.minus(SHARED_INVOICE_WINDOW);
        int payers = dao.otherPayersSince(invoiceUser, since);
        if (payers >= SHARED_INVOICE_PAYERS && !dao.sharedInvoiceSignalled(invoiceUser, since)) {
            dao.signal(PaymentSignal.SHARED_INVOICE.code(), invoiceUser, null,
                    payers + " other accounts tried to pay this chat's invoices within an hour", now);
        }
    }
}
