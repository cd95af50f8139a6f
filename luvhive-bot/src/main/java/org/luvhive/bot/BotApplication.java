package org.luvhive.bot;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.luvhive.core.LuvhiveVersion;
import org.luvhive.core.config.BotToken;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.DatabaseConnector;
import org.luvhive.core.db.DatabaseInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's composition root: everything a running bot is made of, built from the
 * configuration in one place and closed in reverse order. Thread-safe.
 */
public final class BotApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotApplication.class);

    private final LuvhiveConfig config;
    private final PrometheusMeterRegistry registry;
    private final Database database;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private BotApplication(LuvhiveConfig config, PrometheusMeterRegistry registry, Database database) {
        this.config = config;
        this.registry = registry;
        this.database = database;
    }

    /** Builds and starts the bot: database opened and migrated. */
    public static BotApplication start(LuvhiveConfig config, Clock clock) {
        BotToken token = config.requireBotToken();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Database database = new DatabaseConnector(registry).open(config, "luvhive-bot");
        try {
            int applied = database.migrate();
            DatabaseInfo info = DatabaseInfo.of(database);
            LOG.info("LuvHive {} starting as bot {} in {} mode; database {} (PostgreSQL {}), schema {}{}",
                    LuvhiveVersion.current(), token.botId(), config.runMode().label(), info.url(), info.serverVersion(),
                    info.schemaVersion().orElse("none"), applied > 0 ? " (" + applied + " migration(s) applied now)" : "");
            return new BotApplication(config, registry, database);
        } catch (RuntimeException failure) {
            database.close();
            throw failure;
        }
    }

    public LuvhiveConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Blocks until {@link #close()} is called (from the shutdown hook). */
    public void awaitShutdown() {
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            database.close();
            registry.close();
        } finally {
            stopped.countDown();
        }
    }
}
