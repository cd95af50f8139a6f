package org.luvhive.core.premium;

import java.util.Optional;

/**
 * A parsed invoice payload: premium {@code premium:<days>:<stars>:<user>}, or a paid boost
 * {@code boost:<stars>:<user>} (days 0). Immutable.
 */
public record InvoicePayload(int days, int stars, long userId) {

    /** The payload of a paid boost at {@code stars} for {@code userId}. */
    public static String boost(int stars, long userId) {
        return "boost:" + stars + ":" + userId;
    }

    /** A paid boost rather than a premium pack. */
    public boolean isBoost() {
        return days == 0;
    }

    public static Optional<InvoicePayload> parse(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        boolean premium = payload.matches("premium:\\d{1,4}:\\d{1,7}:\\d{1,19}");
        if (!premium && !payload.matches("boost:\\d{1,7}:\\d{1,19}")) {
            return Optional.empty();
        }
        String[] parts = payload.split(":");
        try {
            if (!premium) {
                return Optional.of(new InvoicePayload(0, Integer.parseInt(parts[1]), Long.parseLong(parts[2])));
            }
            int days = Integer.parseInt(parts[1]);
            return days == 0 ? Optional.empty()
                    : Optional.of(new InvoicePayload(days, Integer.parseInt(parts[2]), Long.parseLong(parts[3])));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
