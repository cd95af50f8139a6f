package org.luvhive.core.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The premium packs on sale, as configured with {@code PREMIUM_PRICES}: a comma-separated
 * list of {@code days:stars} (Telegram Stars, XTR), e.g. {@value #DEFAULT}, the default.
 * Days are distinct, days and stars positive. Immutable.
 *
 * @param starsByDays the price of each pack, by its days
 */
public record PremiumPrices(Map<Integer, Integer> starsByDays) {

    public static final String DEFAULT = "7:100,30:250,180:600,365:1000";

    public PremiumPrices {
        starsByDays = Map.copyOf(starsByDays);
        if (starsByDays.isEmpty()) {
            throw new IllegalArgumentException("names no pack");
        }
        starsByDays.forEach((days, stars) -> {
            if (days <= 0 || stars <= 0) {
                throw new IllegalArgumentException("needs positive days and stars in every pack");
            }
        });
    }

    public static PremiumPrices defaults() {
        return parse(DEFAULT);
    }

    /**
     * Reads {@code days:stars,...}; an IllegalArgumentException says what is wrong without
     * repeating the value.
     */
    public static PremiumPrices parse(String value) {
        Map<Integer, Integer> starsByDays = new HashMap<>();
        for (String item : value.split(",", -1)) {
            String[] parts = item.strip().split(":", -1);
            int days;
            int stars;
            try {
                days = Integer.parseInt(parts[0].strip());
                stars = Integer.parseInt(parts.length == 2 ? parts[1].strip() : "");
            } catch (NumberFormatException notPairs) {
                throw new IllegalArgumentException("must be a list of days:stars pairs, e.g. " + DEFAULT);
            }
            if (starsByDays.put(days, stars) != null) {
                throw new IllegalArgumentException("names one number of days twice; each pack needs its own, e.g. "
                        + DEFAULT);
            }
        }
        return new PremiumPrices(starsByDays);
    }
}
