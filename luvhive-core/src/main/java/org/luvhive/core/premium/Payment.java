package org.luvhive.core.premium;

import java.time.Instant;

/** One row of {@code payments}. Immutable. */
public record Payment(String telegramPaymentChargeId, long userId, int days, int amount, String currency,
                      Instant paidAt, Instant premiumUntilAfter, Instant refundedAt, Long refundedBy) {
}
