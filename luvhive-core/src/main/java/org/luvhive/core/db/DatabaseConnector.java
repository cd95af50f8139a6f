package org.luvhive.core.db;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.LuvhiveConfig;

/**
 * Opens the {@link Database} the configuration names: {@code DATABASE_URL} when set,
 * otherwise the embedded server under {@code $LUVHIVE_HOME/pgdata} (database
 * {@code EMBEDDED_DATABASE}, {@value #EMBEDDED_DATABASE} unless set; created with the cluster,
 * never again). For a {@code DATABASE_URL} it finds out first whether that is
 * a transaction pooler ({@link SessionRoute}). Stateless and thread-safe.
 */
public final class DatabaseConnector {

    public static final String EMBEDDED_DATABASE = "luvhive";
    /** The database every PostgreSQL server has, for work on the server itself. */
    public static final String MAINTENANCE_DATABASE = "postgres";

    private final MeterRegistry registry;

    public DatabaseConnector(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Opens the database for one instance of {@code program}, its sessions named after both. */
    public Database open(LuvhiveConfig config, String program, String instance) {
        return open(config, PoolSettings.of(config.dbPoolSize(), program, instance));
    }

    public Database open(LuvhiveConfig config, String applicationName) {
        return open(config, PoolSettings.of(config.dbPoolSize(), applicationName));
    }

    private Database open(LuvhiveConfig config, PoolSettings poolSettings) {
        if (config.databaseUrl().isPresent()) {
            DatabaseUrl url = config.databaseUrl().get();
            return Database.connect(url, route(url, config.databaseDirectUrl(), poolSettings), poolSettings, registry,
                    Optional.empty());
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(config.embeddedDataDirectory(),
                config.embeddedDatabase());
        try {
            DatabaseUrl url = server.databaseUrl(config.embeddedDatabase());
            return Database.connect(url, SessionRoute.direct(), poolSettings, registry, Optional.of(server));
        } catch (RuntimeException failure) {
            server.close();
            throw failure;
        }
    }

    /**
     * The server of the configured database, through its maintenance database
     * {@value #MAINTENANCE_DATABASE} with the same login (the direct URL's behind a pooler):
     * for work on the server while the configured database is missing (restoring it).
     */
    public Database openServer(LuvhiveConfig config, String program, String instance) {
        PoolSettings poolSettings = PoolSettings.of(config.dbPoolSize(), program, instance);
        if (config.databaseUrl().isPresent()) {
            DatabaseUrl url = config.databaseDirectUrl().orElse(config.databaseUrl().get())
                    .withDatabase(MAINTENANCE_DATABASE);
            return Database.connect(url, SessionRoute.direct(), poolSettings, registry, Optional.empty());
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(config.embeddedDataDirectory(),
                config.embeddedDatabase());
        try {
            return Database.connect(server.databaseUrl(MAINTENANCE_DATABASE), SessionRoute.direct(), poolSettings,
                    registry, Optional.of(server));
        } catch (RuntimeException failure) {
            server.close();
            throw failure;
        }
    }

    /**
     * Moves an open {@code database} to the one {@code config} names now: its
     * {@code DATABASE_URL} (probed for a pooler as at start), or without one the database
     * {@code EMBEDDED_DATABASE} on the embedded server this process uses (which must exist:
     * a {@link DatabaseMissingException} otherwise). See {@link Database#switchTo}.
     */
    public void switchTo(Database database, LuvhiveConfig config) {
        if (config.databaseUrl().isPresent()) {
            DatabaseUrl url = config.databaseUrl().get();
            database.switchTo(url, route(url, config.databaseDirectUrl(), database.poolSettings()));
            return;
        }
        EmbeddedPostgresServer server = database.embeddedServer().orElseThrow(() -> new DatabaseUnavailableException(
                "DATABASE_URL was removed, but this process started on it, not on the embedded server: set DATABASE_URL "
                        + "to the database to use", null));
        database.switchTo(server.databaseUrl(config.embeddedDatabase()), SessionRoute.direct());
    }

    /**
     * A direct URL given means the operator put a pooler in front; without one, the probe
     * finds out (a transaction pooler then leaves sessions unavailable until one is given).
     */
    private static SessionRoute route(DatabaseUrl url, Optional<DatabaseUrl> directUrl, PoolSettings poolSettings) {
        if (directUrl.isPresent()) {
            return SessionRoute.pooled(directUrl);
        }
        return TransactionPoolingProbe.transactionPooled(DedicatedConnections.preparingNothing(url, poolSettings))
                ? SessionRoute.pooled(Optional.empty()) : SessionRoute.direct();
    }
}
