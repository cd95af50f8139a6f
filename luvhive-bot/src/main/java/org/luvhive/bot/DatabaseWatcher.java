package org.luvhive.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.luvhive.core.caches.CacheRegistry;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.DatabaseConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the running bot to another database without a restart. The database it uses is
 * named by its configuration ({@code DATABASE_URL} and {@code DATABASE_DIRECT_URL}, or
 * {@code EMBEDDED_DATABASE}), which {@code luvhive switch-database} (or an operator's
 * editor) changes in the env file. The announcement cannot go through the database, as
 * {@code rotate-token}'s does: after a loss the old one is gone, and with it its
 * LISTEN/NOTIFY. So this re-reads the configuration every second and, when it names
 * another database, switches the pool, the sessions and the schema to it
 * ({@link DatabaseConnector#switchTo}) and empties the caches filled from the old one. A
 * target that cannot be used yet is retried every {@value #RETRY_SECONDS} s while the
 * configuration names it. Thread-safe.
 */
final class DatabaseWatcher implements AutoCloseable {

    static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    static final long RETRY_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatcher.class);

    private final Supplier<LuvhiveConfig> configSource;
    private final Database database;
    private final DatabaseConnector connector;
    private final CacheRegistry caches;
    private final Clock clock;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "luvhive-database-watch");
        thread.setDaemon(true);
        return thread;
    });
    private Named current; // the checker thread's only
    private Named failed;
    private Instant failedAt = Instant.MIN;
    private String unreadable;

    DatabaseWatcher(Supplier<LuvhiveConfig> configSource, LuvhiveConfig startedWith, Database database,
                    DatabaseConnector connector, CacheRegistry caches, Clock clock) {
        this.configSource = configSource;
        this.database = database;
        this.connector = connector;
        this.caches = caches;
        this.clock = clock;
        this.current = Named.by(startedWith);
    }

    void start() {
        checks.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One look at the configuration; switches when it names another database. */
    void check() {
        LuvhiveConfig config;
        try {
            config = configSource.get();
            unreadable = null;
        } catch (RuntimeException invalid) {
            if (!String.valueOf(invalid.getMessage()).equals(unreadable)) {
                unreadable = String.valueOf(invalid.getMessage());
                LOG.warn("The configuration cannot be read ({}); staying on database {}", unreadable,
                        database.url().masked());
            }
            return;
        }
        Named named = Named.by(config);
        if (named.equals(current)) {
            return;
        }
        Instant now = clock.instant();
        if (named.equals(failed) && now.isBefore(failedAt.plusSeconds(RETRY_SECONDS))) {
            return;
        }
        String from = database.url().masked();
        try {
            connector.switchTo(database, config);
        } catch (RuntimeException refused) {
            if (!named.equals(failed)) {
                LOG.error("The configuration names another database, but it cannot be used ({}); staying on {}, "
                        + "retrying every {} s", refused.getMessage(), from, RETRY_SECONDS);
            }
            failed = named;
            failedAt = now;
            return;
        }
        current = named;
        failed = null;
        long cleared = caches.clearAll();
        LOG.info("Database switched live from {} to {}: schema migrated, sessions reopened, {} cached entries dropped",
                from, database.url().masked(), cleared);
    }

    @Override
    public void close() {
        checks.shutdownNow();
        try {
            checks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The keys that name the database, as one value to compare. */
    private record Named(Optional<DatabaseUrl> url, Optional<DatabaseUrl> directUrl, String embedded) {
        static Named by(LuvhiveConfig config) {
            return new Named(config.databaseUrl(), config.databaseDirectUrl(),
                    config.databaseUrl().isPresent() ? "" : config.embeddedDatabase());
        }
    }
}
