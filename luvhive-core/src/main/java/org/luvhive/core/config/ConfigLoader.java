package org.luvhive.core.config;

import static org.luvhive.core.config.ConfigKeys.*;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one {@link LuvhiveConfig} of a process from the environment and the
 * optional env file ({@code LUVHIVE_ENV_FILE}, default {@code ~/.luvhive/luvhive.env});
 * the environment wins over the file. Every bad key is reported at once, one problem
 * each, so an operator fixes them all in one go; an env file other users may read is
 * warned about (one line). Thread-safe.
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    private static final Pattern SECRET_TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    /** The most connections DB_POOL_SIZE (and {@code luvhive db pool size}) may give a pool. */
    public static final int MAX_POOL_SIZE = 200;

    private final Path userHome;

    /** @param userHome the user's home directory, where {@code ~} points */
    public ConfigLoader(Path userHome) {
        this.userHome = userHome;
    }

    /** A loader for this process's user. */
    public static ConfigLoader forCurrentUser() {
        return new ConfigLoader(Path.of(System.getProperty("user.home")));
    }

    /** Loads from the process environment. */
    public LuvhiveConfig loadFromSystem() {
        return load(System.getenv());
    }

    /** Loads from the given environment (tests and the CLI's in-process runs pass their own). */
    public LuvhiveConfig load(Map<String, String> environment) {
        Optional<Path> envFile = envFile(environment);
        Map<String, String> values = new HashMap<>();
        envFile.ifPresent(file -> {
            values.putAll(EnvFile.read(file));
            EnvFile.exposure(file).ifPresent(LOG::warn);
        });
        environment.forEach((key, value) -> {
            if (ConfigKeys.ALL.contains(key)) {
                values.put(key, value);
            }
        });
        return new Parse(values, envFile).config();
    }

    private Optional<Path> envFile(Map<String, String> environment) {
        String explicit = blankToNull(environment.get(LUVHIVE_ENV_FILE));
        if (explicit != null) {
            Path file = expandHome(explicit);
            if (!Files.isRegularFile(file)) {
                throw ConfigException.single(LUVHIVE_ENV_FILE, "names " + file + ", which does not exist or is not a file");
            }
            return Optional.of(file);
        }
        Path defaultFile = userHome.resolve(".luvhive").resolve("luvhive.env");
        return Files.isRegularFile(defaultFile) ? Optional.of(defaultFile) : Optional.empty();
    }

    private Path expandHome(String path) {
        if (path.equals("~")) {
            return userHome;
        }
        if (path.startsWith("~/")) {
            return userHome.resolve(path.substring(2));
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** One parse: collects every problem before failing. */
    private final class Parse {
        private final Map<String, String> values;
        private final Optional<Path> envFile;
        private final List<String> problems = new ArrayList<>();

        Parse(Map<String, String> values, Optional<Path> envFile) {
            this.values = values;
            this.envFile = envFile;
        }

        LuvhiveConfig config() {
            Optional<BotToken> botToken = optional(BOT_TOKEN, BotToken::parse);
            Optional<DatabaseUrl> databaseUrl = optional(DATABASE_URL, DatabaseUrl::parse);
            Optional<DatabaseUrl> directUrl = optional(DATABASE_DIRECT_URL, DatabaseUrl::parse);
            String embeddedDatabase = optional(EMBEDDED_DATABASE, ConfigLoader::databaseName)
                    .orElse(LuvhiveConfig.DEFAULT_EMBEDDED_DATABASE);
            RunMode runMode = optional(RUN_MODE, RunMode::parse).orElse(RunMode.POLLING);
            Optional<URI> externalUrl = optional(EXTERNAL_URL, raw -> httpUrl(raw, true));
            Optional<Secret> secretToken = optional(SECRET_TOKEN, ConfigLoader::secretToken);
            int port = optional(PORT, raw -> intInRange(raw, 0, 65535)).orElse(LuvhiveConfig.DEFAULT_PORT);
            int managementPort = optional(MANAGEMENT_PORT, raw -> intInRange(raw, 0, 65535))
                    .orElse(LuvhiveConfig.DEFAULT_MANAGEMENT_PORT);
            InetAddress managementBind = optional(MANAGEMENT_BIND, ListenAddress::parseAddress)
                    .orElse(InetAddress.getLoopbackAddress());
            if (managementPort != 0 && managementPort == port) {
                problems.add(MANAGEMENT_PORT + ": must differ from PORT (" + port
                        + "): health, readiness and metrics never share the webhook's public port");
            }
            URI apiUrl = optional(TELEGRAM_API_URL, raw -> httpUrl(raw, false)).orElse(LuvhiveConfig.OFFICIAL_API);
            Set<Long> adminIds = optional(ADMIN_IDS, ConfigLoader::adminIds).orElse(Set.of());
            int poolSize = optional(DB_POOL_SIZE, raw -> intInRange(raw, 1, MAX_POOL_SIZE))
                    .orElse(LuvhiveConfig.DEFAULT_POOL_SIZE);
            Path home = optional(LUVHIVE_HOME, this::directory).orElse(userHome.resolve(".luvhive"));
            Path backupDir = optional(LUVHIVE_BACKUP_DIR, this::directory).orElse(home.resolve("backups"));
            Path logDir = optional(LUVHIVE_LOG_DIR, this::directory).orElse(home.resolve("logs"));
            PremiumPrices premiumPrices = optional(PREMIUM_PRICES, PremiumPrices::parse)
                    .orElseGet(PremiumPrices::defaults);
            SearchConfig search = search();
            long cacheMaxEntries = optional(CACHE_MAX_ENTRIES, ConfigLoader::cacheMaxEntries)
                    .orElse(LuvhiveConfig.DEFAULT_CACHE_MAX_ENTRIES);
            int sendConcurrency = optional(SEND_CONCURRENCY, raw -> intInRange(raw, 1, LuvhiveConfig.MAX_SEND_CONCURRENCY))
                    .orElse(LuvhiveConfig.DEFAULT_SEND_CONCURRENCY);
            int handlerThreads = optional(HANDLER_THREADS, raw -> intInRange(raw, 1, LuvhiveConfig.MAX_HANDLER_THREADS))
                    .orElse(LuvhiveConfig.DEFAULT_HANDLER_THREADS);

            if (directUrl.isPresent() && !values.containsKey(DATABASE_URL)) {
                problems.add(DATABASE_DIRECT_URL + ": is set but DATABASE_URL is not (it is for a DATABASE_URL that "
                        + "points at PgBouncer; the embedded database needs neither)");
            }
            if (databaseUrl.isPresent() && values.containsKey(EMBEDDED_DATABASE)) {
                problems.add(EMBEDDED_DATABASE + ": is set but so is DATABASE_URL (it names the database on the embedded "
                        + "server, which is used only without DATABASE_URL)");
            }
            if (runMode == RunMode.WEBHOOK) {
                if (externalUrl.isEmpty() && !values.containsKey(EXTERNAL_URL)) {
                    problems.add(EXTERNAL_URL + ": is required when RUN_MODE=webhook (the public https:// URL Telegram posts to)");
                }
                if (secretToken.isEmpty() && !values.containsKey(SECRET_TOKEN)) {
                    problems.add(SECRET_TOKEN + ": is required when RUN_MODE=webhook (1-256 of A-Z a-z 0-9 _ -)");
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new LuvhiveConfig(botToken, databaseUrl, directUrl, embeddedDatabase, runMode, externalUrl, secretToken,
                    port, apiUrl, adminIds, poolSize, home, backupDir, logDir, envFile, premiumPrices, search,
                    cacheMaxEntries, sendConcurrency, handlerThreads,
                    new ListenAddress(managementBind, managementPort));
        }

        private SearchConfig search() {
            SearchConfig defaults = SearchConfig.defaults();
            Duration widenAfter = optional(SEARCH_WIDEN_AFTER, raw -> SearchConfig.seconds(raw,
                    SearchConfig.MIN_WIDEN_SECONDS, SearchConfig.MAX_WIDEN_SECONDS)).orElse(defaults.widenAfter());
            Duration promise = optional(SEARCH_PROMISE, raw -> SearchConfig.seconds(raw,
                    SearchConfig.MIN_PROMISE_SECONDS, SearchConfig.MAX_PROMISE_SECONDS)).orElse(defaults.promise());
            int boostStars = optional(BOOST_PRICE, SearchConfig::stars).orElse(defaults.boostStars());
            if (promise.compareTo(widenAfter) <= 0) {
                problems.add(SEARCH_PROMISE + ": must be longer than SEARCH_WIDEN_AFTER (" + widenAfter.toSeconds()
                        + " s): the widen offer comes while a paid search still has time");
                return defaults;
            }
            return new SearchConfig(widenAfter, promise, boostStars);
        }

        private <T> Optional<T> optional(String key, Function<String, T> parser) {
            String raw = blankToNull(values.get(key));
            if (raw == null) {
                values.remove(key); // blank counts as unset, also for the webhook checks below
                return Optional.empty();
            }
            try {
                return Optional.of(parser.apply(raw));
            } catch (IllegalArgumentException invalid) {
                problems.add(key + ": " + invalid.getMessage());
                return Optional.empty();
            }
        }

        private Path directory(String raw) {
            try {
                return expandHome(raw);
            } catch (InvalidPathException invalid) {
                throw new IllegalArgumentException("is not a valid path");
            }
        }
    }

    private static Secret secretToken(String raw) {
        if (!SECRET_TOKEN_SHAPE.matcher(raw).matches()) {
            throw new IllegalArgumentException("must be 1-256 characters of A-Z a-z 0-9 _ - (Telegram's rule)");
        }
        return Secret.of(raw);
    }

    private static int intInRange(String raw, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException notNumber) {
            throw new IllegalArgumentException("must be a whole number, not '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** A plain PostgreSQL name, as {@code backup restore --target} takes it. */
    private static String databaseName(String raw) {
        if (!DatabaseNames.isPlain(raw)) {
            throw new IllegalArgumentException("must be a database name: " + DatabaseNames.RULE);
        }
        return raw;
    }

    private static long cacheMaxEntries(String raw) {
        try {
            long value = Long.parseLong(raw);
            if (value >= 1 && value <= LuvhiveConfig.MAX_CACHE_MAX_ENTRIES) {
                return value;
            }
        } catch (NumberFormatException notNumber) {
            // the same message: a whole number in range
        }
        throw new IllegalArgumentException("must be a whole number from 1 to " + LuvhiveConfig.MAX_CACHE_MAX_ENTRIES);
    }

    private static URI httpUrl(String raw, boolean pathAllowed) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("is not a URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException("must be an http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("names no host");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("must not carry credentials");
        }
        if (!pathAllowed && uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("must have no path: the Bot API is served at /bot<token>/<method> from the root");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    private static Set<Long> adminIds(String raw) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : raw.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                long id = Long.parseLong(part);
                if (id <= 0) {
                    throw new IllegalArgumentException("must be positive Telegram user ids, not " + id);
                }
                ids.add(id);
            } catch (NumberFormatException notNumber) {
                throw new IllegalArgumentException("must be Telegram user ids separated by commas, not '" + part + "'");
            }
        }
        return ids;
    }
}
