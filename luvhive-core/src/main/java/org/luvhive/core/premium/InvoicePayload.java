package org.luvhive.core.premium;

import java.util.Optional;

/** A parsed invoice payload {@code premium:<days>:<stars>:<user>}. Immutable. */
public record InvoicePayload(int days, int stars, long userId) {

    public static Optional<InvoicePayload> parse(String payload) {
        if (payload == null || !payload.matches("premium:\\d{1,4}:\\d{1,7}:\\d{1,19}")) {
            return Optional.empty();
        }
        String[] parts = payload.split(":");
        try {
            return Optional.of(new InvoicePayload(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    Long.parseLong(parts[3])));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
