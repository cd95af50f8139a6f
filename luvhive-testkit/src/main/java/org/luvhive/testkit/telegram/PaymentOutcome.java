package org.luvhive.testkit.telegram;

import java.util.Optional;

/**
 * How a simulated Stars payment ended. Immutable.
 *
 * @param status         what happened
 * @param chargeId       the telegram_payment_charge_id when {@link Status#PAID}, else null
 * @param errorMessage   the bot's error_message when {@link Status#DECLINED}, else null
 * @param paymentMessage the successful_payment service message when paid, else null
 */
public record PaymentOutcome(Status status, String chargeId, String errorMessage, ChatMessage paymentMessage) {

    public enum Status {
        /** The bot answered ok in time; a successful_payment message was sent to the bot. */
        PAID,
        /** The bot answered ok=false. */
        DECLINED,
        /** The bot did not answer the pre_checkout_query in time. */
        TIMED_OUT
    }

    public boolean isPaid() {
        return status == Status.PAID;
    }

    public Optional<String> charge() {
        return Optional.ofNullable(chargeId);
    }
}
