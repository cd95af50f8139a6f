package org.luvhive.core.bot;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.config.SearchConfig;
import org.luvhive.core.premium.PremiumCatalog;

/**
 * What the bot's behaviour is tuned by. Built once at start-up; immutable; thread-safe.
 *
 * @param adminIds            Telegram ids allowed to run admin commands ({@code ADMIN_IDS})
 * @param catalog             premium packs and prices ({@code PREMIUM_PRICES})
 * @param rematchCooldown     how long two users who just talked are not paired again
 * @param boostCooldown       how often a premium user may /boost
 * @param reportWindow        how long after a chat its partner can still be reported
 * @param search              searching: the widen offer, what paid searches promise, the paid boost's price
 * @param relayMapRetention   how long relayed message ids are kept after a chat ends
 * @param chatRetention       how long ended chats (who talked to whom, when) are kept
 */
public record FeatureSettings(Set<Long> adminIds, PremiumCatalog catalog, Duration rematchCooldown,
                              Duration boostCooldown, Duration reportWindow, SearchConfig search,
                              Duration relayMapRetention, Duration chatRetention) {

    public static final Duration DEFAULT_REMATCH_COOLDOWN = Duration.ofMinutes(10);
    public static final Duration DEFAULT_BOOST_COOLDOWN = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REPORT_WINDOW = Duration.ofMinutes(15);
    public static final Duration DEFAULT_RELAY_MAP_RETENTION = Duration.ofMinutes(30);
    public static final Duration DEFAULT_CHAT_RETENTION = Duration.ofDays(30);

    public FeatureSettings {
        adminIds = Set.copyOf(adminIds);
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(search, "search");
        if (relayMapRetention.compareTo(reportWindow) < 0) {
            throw new IllegalArgumentException("relay ids must outlive the report window");
        }
    }

    /** The defaults, with these admins. */
    public static FeatureSettings defaults(Set<Long> adminIds) {
        return new FeatureSettings(adminIds, PremiumCatalog.defaults(), DEFAULT_REMATCH_COOLDOWN, DEFAULT_BOOST_COOLDOWN,
                DEFAULT_REPORT_WINDOW, SearchConfig.defaults(), DEFAULT_RELAY_MAP_RETENTION, DEFAULT_CHAT_RETENTION);
    }

    /**
     * The defaults, with the configuration's admins ({@code ADMIN_IDS}), premium packs
     * ({@code PREMIUM_PRICES}) and searching ({@code SEARCH_WIDEN_AFTER}, {@code SEARCH_PROMISE},
     * {@code BOOST_PRICE}).
     */
    public static FeatureSettings from(LuvhiveConfig config) {
        return defaults(config.adminIds()).withCatalog(PremiumCatalog.of(config.premiumPrices()))
                .withSearch(config.search());
    }

    public FeatureSettings withCatalog(PremiumCatalog other) {
        return new FeatureSettings(adminIds, other, rematchCooldown, boostCooldown, reportWindow, search,
                relayMapRetention, chatRetention);
    }

    public FeatureSettings withRematchCooldown(Duration other) {
        return new FeatureSettings(adminIds, catalog, other, boostCooldown, reportWindow, search,
                relayMapRetention, chatRetention);
    }

    public FeatureSettings withSearch(SearchConfig other) {
        return new FeatureSettings(adminIds, catalog, rematchCooldown, boostCooldown, reportWindow, other,
                relayMapRetention, chatRetention);
    }
}
