package org.luvhive.core.config;

import java.util.List;

/** The names of the configuration keys, as they appear in the environment and env file. */
public final class ConfigKeys {

    public static final String BOT_TOKEN = "BOT_TOKEN";
    public static final String DATABASE_URL = "DATABASE_URL";
    /** The server itself when DATABASE_URL is a transaction pooler (PgBouncer): for LISTEN and session locks. */
    public static final String DATABASE_DIRECT_URL = "DATABASE_DIRECT_URL";

    /** The database on the embedded server (no {@code DATABASE_URL}); another one after a recovery. */
    public static final String EMBEDDED_DATABASE = "EMBEDDED_DATABASE";
    public static final String RUN_MODE = "RUN_MODE";
    public static final String EXTERNAL_URL = "EXTERNAL_URL";
    public static final String SECRET_TOKEN = "SECRET_TOKEN";
    public static final String PORT = "PORT";
    public static final String MANAGEMENT_PORT = "MANAGEMENT_PORT";
    public static final String MANAGEMENT_BIND = "MANAGEMENT_BIND";
    public static final String TELEGRAM_API_URL = "TELEGRAM_API_URL";
    public static final String ADMIN_IDS = "ADMIN_IDS";
    public static final String DB_POOL_SIZE = "DB_POOL_SIZE";
    public static final String LUVHIVE_HOME = "LUVHIVE_HOME";
    public static final String LUVHIVE_BACKUP_DIR = "LUVHIVE_BACKUP_DIR";
    public static final String LUVHIVE_LOG_DIR = "LUVHIVE_LOG_DIR";
    public static final String LUVHIVE_ENV_FILE = "LUVHIVE_ENV_FILE";

    /** Premium packs and prices, {@code days:stars,...}. */
    public static final String PREMIUM_PRICES = "PREMIUM_PRICES";

    /** Seconds a user waits without a match before the bot offers to widen their filters. */
    public static final String SEARCH_WIDEN_AFTER = "SEARCH_WIDEN_AFTER";
    /** Seconds a paid boost or premium filter search promises to find a partner within. */
    public static final String SEARCH_PROMISE = "SEARCH_PROMISE";
    /** Stars a paid boost costs. */
    public static final String BOOST_PRICE = "BOOST_PRICE";

    /** Most entries of each in-process cache. */
    public static final String CACHE_MAX_ENTRIES = "CACHE_MAX_ENTRIES";

    /** Calls to Telegram one instance's sender has in flight at once. */
    public static final String SEND_CONCURRENCY = "SEND_CONCURRENCY";

    /** Threads of one instance that handle stored updates. */
    public static final String HANDLER_THREADS = "HANDLER_THREADS";

    /** Every key LuvHive reads, in the order the README documents them. */
    public static final List<String> ALL = List.of(BOT_TOKEN, DATABASE_URL, DATABASE_DIRECT_URL, EMBEDDED_DATABASE, RUN_MODE, EXTERNAL_URL,
            SECRET_TOKEN, PORT, MANAGEMENT_PORT, MANAGEMENT_BIND, TELEGRAM_API_URL, ADMIN_IDS, DB_POOL_SIZE, LUVHIVE_HOME,
            LUVHIVE_BACKUP_DIR, LUVHIVE_LOG_DIR, LUVHIVE_ENV_FILE, PREMIUM_PRICES, SEARCH_WIDEN_AFTER, SEARCH_PROMISE,
            BOOST_PRICE, CACHE_MAX_ENTRIES, SEND_CONCURRENCY, HANDLER_THREADS);

    private ConfigKeys() {
    }
}
