package org.luvhive.core.premium;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.config.ConfigKeys;
import org.luvhive.core.config.PremiumPrices;

/**
 * The premium packs on sale, in order of days, from the configured {@link PremiumPrices}
 * ({@code PREMIUM_PRICES}). Immutable; thread-safe.
 */
public record PremiumCatalog(List<PremiumPack> packs) {

    public PremiumCatalog {
        packs = packs.stream().sorted(Comparator.comparingInt(PremiumPack::days)).toList();
        if (packs.isEmpty() || packs.stream().map(PremiumPack::days).distinct().count() != packs.size()) {
            throw new IllegalArgumentException("a premium catalogue needs at least one pack and distinct durations");
        }
    }

    public static PremiumCatalog of(PremiumPrices prices) {
        return new PremiumCatalog(prices.starsByDays().entrySet().stream()
                .map(pack -> new PremiumPack(pack.getKey(), pack.getValue())).toList());
    }

    public static PremiumCatalog defaults() {
        return of(PremiumPrices.defaults());
    }

    /** Parses {@code days:stars,...} as {@code PREMIUM_PRICES} does, failing with a message naming the key. */
    public static PremiumCatalog parse(String value) {
        try {
            return of(PremiumPrices.parse(value));
        } catch (IllegalArgumentException invalid) {
            throw ConfigException.single(ConfigKeys.PREMIUM_PRICES, invalid.getMessage());
        }
    }

    public Optional<PremiumPack> forDays(int days) {
        return packs.stream().filter(pack -> pack.days() == days).findFirst();
    }
}
