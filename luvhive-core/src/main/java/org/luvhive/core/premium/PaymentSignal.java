package org.luvhive.core.premium;

import java.util.Locale;

/** What looks like payment fraud, recorded for the monthly review. */
public enum PaymentSignal {
    /** A payment was refunded. */
    REFUND,
    /** A payment was refunded after its premium was used (a boost, or premium filters set). */
    REFUND_AFTER_USE,
    /** A user's second (or later) refund within 30 days. */
    REPEAT_REFUNDS,
    /** Several accounts tried to pay invoices issued to one chat within an hour. */
    SHARED_INVOICE,
    /** A successful payment arrived again with a charge id already recorded, under another update. */
    CHARGE_SEEN_TWICE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
