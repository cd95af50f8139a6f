package org.luvhive.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The whole configuration of a LuvHive process, parsed and validated once at start-up
 * by {@link ConfigLoader}. Immutable and thread-safe; {@link #toString()} masks every
 * secret.
 *
 * @param botToken       the bot's token; absent is fine for CLI commands that do not talk to Telegram
 * @param databaseUrl    the database; absent means the embedded server under {@code home/pgdata}
 * @param databaseDirectUrl the same database reached directly, when {@code databaseUrl} is a
 *                       transaction pooler (PgBouncer): sessions that LISTEN or hold session locks
 * @param embeddedDatabase the database on the embedded server, used when {@code databaseUrl} is absent
 * @param runMode        polling or webhook
 * @param externalUrl    the public HTTPS base URL Telegram posts webhooks to (webhook mode)
 * @param secretToken    the webhook secret Telegram sends back in a header (webhook mode)
 * @param port           the bot's public HTTP port, which serves only Telegram's webhook; 0 picks a free one
 * @param telegramApiUrl the Bot API server: Telegram's, a self-hosted one or the emulator
 * @param adminIds       Telegram user ids allowed to run admin commands
 * @param dbPoolSize     maximum connections in the pool
 * @param home           LuvHive's own directory (embedded database, logs, backups by default)
 * @param backupDir      where backups are written
 * @param logDir         where the violations and backup logs go
 * @param envFile        the env file that was read, if one was
 * @param premiumPrices  the premium packs on sale and their prices in Stars
 * @param search         searching: the widen offer, what paid searches promise, the paid boost's price
 * @param cacheMaxEntries most entries of each in-process cache
 * @param management     where the operators' endpoints (health, readiness, metrics) listen
 */
public record LuvhiveConfig(
        Optional<BotToken> botToken,
        Optional<DatabaseUrl> databaseUrl,
        Optional<DatabaseUrl> databaseDirectUrl,
        String embeddedDatabase,
        RunMode runMode,
        Optional<URI> externalUrl,
        Optional<Secret> secretToken,
        int port,
        URI telegramApiUrl,
        Set<Long> adminIds,
        int dbPoolSize,
        Path home,
        Path backupDir,
        Path logDir,
        Optional<Path> envFile,
        PremiumPrices premiumPrices,
        SearchConfig search,
        long cacheMaxEntries,
        int sendConcurrency,
        int handlerThreads,
        ListenAddress management) {

    public static final URI OFFICIAL_API = URI.create("https://api.telegram.org");
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MANAGEMENT_PORT = 8090;
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final String DEFAULT_EMBEDDED_DATABASE = "luvhive";
    /**
     * Enough for the users who write within the ban cache's half minute at 300 a second
     * (about 1 MB): at 1,000, bench-relay's 4,000 chatting users missed it 86% of the time.
     */
    public static final long DEFAULT_CACHE_MAX_ENTRIES = 10_000;
    public static final long MAX_CACHE_MAX_ENTRIES = 10_000_000;
    public static final int DEFAULT_SEND_CONCURRENCY = 8;
    /** The Bot API client lets this many sends, and the long poll, run at once (TelegramBotsGateway). */
    public static final int MAX_SEND_CONCURRENCY = 64;
    public static final int DEFAULT_HANDLER_THREADS = 2;
    /** Each holds a pooled connection while it handles a batch: more than the pool would only wait for one. */
    public static final int MAX_HANDLER_THREADS = 16;

    public LuvhiveConfig {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(databaseDirectUrl, "databaseDirectUrl");
        Objects.requireNonNull(embeddedDatabase, "embeddedDatabase");
        Objects.requireNonNull(runMode, "runMode");
        Objects.requireNonNull(externalUrl, "externalUrl");
        Objects.requireNonNull(secretToken, "secretToken");
        Objects.requireNonNull(telegramApiUrl, "telegramApiUrl");
        adminIds = Set.copyOf(adminIds);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(backupDir, "backupDir");
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(envFile, "envFile");
        Objects.requireNonNull(premiumPrices, "premiumPrices");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(management, "management");
    }

    /** The token, or a {@link ConfigException} naming {@code BOT_TOKEN} when it is not set. */
    public BotToken requireBotToken() {
        return botToken.orElseThrow(() -> ConfigException.single(ConfigKeys.BOT_TOKEN,
                "is not set; put it in the environment or in the env file"
                        + envFile.map(path -> " (" + path + ")").orElse("")));
    }

    /** Where the embedded server keeps its data when no {@code DATABASE_URL} is set. */
    public Path embeddedDataDirectory() {
        return home.resolve("pgdata");
    }

    public boolean usesEmbeddedDatabase() {
        return databaseUrl.isEmpty();
    }

    public boolean isAdmin(long telegramUserId) {
        return adminIds.contains(telegramUserId);
    }

    /** This configuration with another database (tests, restore targets), reached directly. */
    public LuvhiveConfig withDatabaseUrl(DatabaseUrl otherDatabase) {
        return new LuvhiveConfig(botToken, Optional.of(otherDatabase), Optional.empty(), embeddedDatabase, runMode,
                externalUrl, secretToken, port, telegramApiUrl, adminIds, dbPoolSize, home, backupDir, logDir, envFile,
                premiumPrices, search, cacheMaxEntries, sendConcurrency, handlerThreads, management);
    }

    @Override
    public String toString() {
        return new StringJoiner(", ", "LuvhiveConfig[", "]")
                .add("BOT_TOKEN=" + botToken.map(BotToken::masked).orElse("(unset)"))
                .add("DATABASE_URL=" + databaseUrl.map(DatabaseUrl::masked).orElse("(embedded)"))
                .add("DATABASE_DIRECT_URL=" + databaseDirectUrl.map(DatabaseUrl::masked).orElse("(unset)"))
                .add("EMBEDDED_DATABASE=" + embeddedDatabase)
                .add("RUN_MODE=" + runMode.label())
                .add("EXTERNAL_URL=" + externalUrl.map(URI::toString).orElse("(unset)"))
                .add("SECRET_TOKEN=" + secretToken.map(Secret::toString).orElse("(unset)"))
                .add("PORT=" + port)
                .add("MANAGEMENT=" + management)
                .add("TELEGRAM_API_URL=" + telegramApiUrl)
                .add("ADMIN_IDS=" + adminIds)
                .add("DB_POOL_SIZE=" + dbPoolSize)
                .add("LUVHIVE_HOME=" + home)
                .add("LUVHIVE_BACKUP_DIR=" + backupDir)
                .add("LUVHIVE_LOG_DIR=" + logDir)
                .toString();
    }
}
