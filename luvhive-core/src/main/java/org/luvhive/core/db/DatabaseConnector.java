package org.luvhive.core.db;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.LuvhiveConfig;

/**
 * Opens the {@link Database} the configuration names: {@code DATABASE_URL} when set,
 * otherwise the embedded server under {@code $LUVHIVE_HOME/pgdata} (database
 * {@value #EMBEDDED_DATABASE}). Stateless and thread-safe.
 */
public final class DatabaseConnector {

    public static final String EMBEDDED_DATABASE = "luvhive";

    private final MeterRegistry registry;

    public DatabaseConnector(MeterRegistry registry) {
        this.registry = registry;
    }

    public Database open(LuvhiveConfig config, String applicationName) {
        PoolSettings poolSettings = PoolSettings.of(config.dbPoolSize(), applicationName);
        if (config.databaseUrl().isPresent()) {
            return Database.connect(config.databaseUrl().get(), poolSettings, registry, Optional.empty());
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(config.embeddedDataDirectory());
        try {
            DatabaseUrl url = server.ensureDatabase(EMBEDDED_DATABASE);
            return Database.connect(url, poolSettings, registry, Optional.of(server));
        } catch (RuntimeException failure) {
            server.close();
            throw failure;
        }
    }
}
