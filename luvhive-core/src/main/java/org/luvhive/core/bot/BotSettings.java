package org.luvhive.core.bot;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.premium.PremiumCatalog;

/**
 * What the bot's behaviour is tuned by. Built once at start-up; immutable; thread-safe.
 *
 * @param adminIds            Telegram ids allowed to run admin commands ({@code ADMIN_IDS})
 * @param catalog             premium packs and prices ({@code PREMIUM_PRICES})
 * @param rematchCooldown     how long two users who just talked are not paired again
 * @param boostCooldown       how often a premium user may /boost
 * @param reportWindow        how long after a chat its partner can still be reported
 * @param waitingNoticeAfter  after how long a searching user is told nothing matched yet
 * @param relayMapRetention   how long relayed message ids are kept after a chat ends
 * @param chatRetention       how long ended chats (who talked to whom, when) are kept
 */
public record BotSettings(Set<Long> adminIds, PremiumCatalog catalog, Duration rematchCooldown,
                          Duration boostCooldown, Duration reportWindow, Duration waitingNoticeAfter,
                          Duration relayMapRetention, Duration chatRetention) {

    public static final Duration DEFAULT_REMATCH_COOLDOWN = Duration.ofMinutes(10);
    public static final Duration DEFAULT_BOOST_COOLDOWN = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REPORT_WINDOW = Duration.ofMinutes(15);
    public static final Duration DEFAULT_WAITING_NOTICE = Duration.ofMinutes(2);
    public static final Duration DEFAULT_RELAY_MAP_RETENTION = Duration.ofMinutes(30);
    public static final Duration DEFAULT_CHAT_RETENTION = Duration.ofDays(30);

    public BotSettings {
        adminIds = Set.copyOf(adminIds);
        Objects.requireNonNull(catalog, "catalog");
        if (relayMapRetention.compareTo(reportWindow) < 0) {
            throw new IllegalArgumentException("relay ids must outlive the report window");
        }
    }

    /** The defaults, with these admins. */
    public static BotSettings defaults(Set<Long> adminIds) {
        return new BotSettings(adminIds, PremiumCatalog.defaults(), DEFAULT_REMATCH_COOLDOWN, DEFAULT_BOOST_COOLDOWN,
                DEFAULT_REPORT_WINDOW, DEFAULT_WAITING_NOTICE, DEFAULT_RELAY_MAP_RETENTION, DEFAULT_CHAT_RETENTION);
    }

    /**
     * From the configuration and the environment: {@code ADMIN_IDS} from the config,
     * {@code PREMIUM_PRICES} (e.g. {@code 7:100,30:250,180:600,365:1000}) from the environment
     * or env file; a bad value fails with a ConfigException naming the key.
     */
    public static BotSettings from(LuvhiveConfig config, Map<String, String> environment) {
        String prices = environment.getOrDefault(PremiumCatalog.KEY, "").strip();
        BotSettings defaults = defaults(config.adminIds());
        return prices.isEmpty() ? defaults : defaults.withCatalog(PremiumCatalog.parse(prices));
    }

    public BotSettings withCatalog(PremiumCatalog other) {
        return new BotSettings(adminIds, other, rematchCooldown, boostCooldown, reportWindow, waitingNoticeAfter,
                relayMapRetention, chatRetention);
    }

    public BotSettings withRematchCooldown(Duration other) {
        return new BotSettings(adminIds, catalog, other, boostCooldown, reportWindow, waitingNoticeAfter,
                relayMapRetention, chatRetention);
    }
}
