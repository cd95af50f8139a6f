package org.luvhive.core.premium;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.luvhive.core.config.ConfigException;

/**
 * The premium packs on sale. Configured with {@code PREMIUM_PRICES}, a comma-separated
 * list of {@code days:stars} (default {@code 7:100,30:250,180:600,365:1000}). Immutable;
 * thread-safe.
 */
public record PremiumCatalog(List<PremiumPack> packs) {

    public static final String KEY = "PREMIUM_PRICES";
    public static final String DEFAULT = "7:100,30:250,180:600,365:1000";

    public PremiumCatalog {
        packs = packs.stream().sorted(Comparator.comparingInt(PremiumPack::days)).toList();
        if (packs.isEmpty() || packs.stream().map(PremiumPack::days).distinct().count() != packs.size()) {
            throw new IllegalArgumentException("a premium catalogue needs at least one pack and distinct durations");
        }
    }

    public static PremiumCatalog defaults() {
        return parse(DEFAULT);
    }

    /** Parses {@code days:stars,...}, failing with a message naming {@link #KEY} and the bad value. */
    public static PremiumCatalog parse(String value) {
        List<PremiumPack> packs = new ArrayList<>();
        try {
            for (String item : value.split(",")) {
                String[] parts = item.strip().split(":");
                if (parts.length != 2) {
                    throw new IllegalArgumentException(item);
                }
                packs.add(new PremiumPack(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())));
            }
            return new PremiumCatalog(packs);
        } catch (IllegalArgumentException invalid) {
            throw ConfigException.single(KEY, "'" + value + "' is not a list of days:stars pairs with distinct "
                    + "positive numbers, e.g. " + DEFAULT);
        }
    }

    public Optional<PremiumPack> forDays(int days) {
        return packs.stream().filter(pack -> pack.days() == days).findFirst();
    }
}
