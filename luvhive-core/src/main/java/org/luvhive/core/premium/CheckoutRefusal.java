package org.luvhive.core.premium;

import java.util.Arrays;
import java.util.Optional;

/** Why a pre-checkout is refused: a stable code for the report, and what the payer reads. */
public enum CheckoutRefusal {
    INVALID_INVOICE("invalid_invoice", "This invoice is not valid. Please open /premium and try again."),
    PRICE_CHANGED("price_changed", "Prices have changed. Please open /premium for the current offer."),
    BANNED("banned", "Your account is banned, so it cannot buy premium."),
    HOURLY_LIMIT("limit_hour", "You already made %d payments in the last hour, the most we accept. "
            + "Please try again in an hour."),
    FIVE_MINUTE_LIMIT("limit_5_minutes", "You already made %d payments in the last 5 minutes, the most we accept. "
            + "Please wait a few minutes and try again."),
    REFUSED_LIMIT("limit_refused", "Too many of your payment attempts were refused in the last hour. "
            + "Please try again in an hour.");

    private final String code;
    private final String message;

    CheckoutRefusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    /** What Telegram shows the payer; a limit's message names the limit. */
    public String message(FraudLimits limits) {
        return switch (this) {
            case HOURLY_LIMIT -> message.formatted(limits.perHour());
            case FIVE_MINUTE_LIMIT -> message.formatted(limits.perFiveMinutes());
            default -> message;
        };
    }

    /** True for the fraud limits (as opposed to a bad invoice or a ban). */
    public boolean isLimit() {
        return this == HOURLY_LIMIT || this == FIVE_MINUTE_LIMIT || this == REFUSED_LIMIT;
    }

    public static Optional<CheckoutRefusal> ofCode(String code) {
        return Arrays.stream(values()).filter(refusal -> refusal.code.equals(code)).findFirst();
    }
}
