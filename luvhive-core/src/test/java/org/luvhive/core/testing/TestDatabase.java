package org.luvhive.core.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.config.ConfigKeys;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.db.Database;

/**
 * A fresh, migrated database for one test class, opened through the production
 * {@link Database} code. Handed to tests by {@link PostgresExtension}.
 */
public final class TestDatabase {

    private final DatabaseUrl url;
    private final Database database;
    private final SimpleMeterRegistry registry;
    private final TestPostgresServer server;

    TestDatabase(DatabaseUrl url, Database database, SimpleMeterRegistry registry, TestPostgresServer server) {
        this.url = url;
        this.database = database;
        this.registry = registry;
        this.server = server;
    }

    public DatabaseUrl url() {
        return url;
    }

    public String name() {
        return url.database();
    }

    public Database database() {
        return database;
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    /** The registry the database's query timer records into. */
    public SimpleMeterRegistry registry() {
        return registry;
    }

    /** The server this database lives on (to create or drop further databases). */
    public TestPostgresServer server() {
        return server;
    }

    /** An environment whose {@code DATABASE_URL} points here, for code that loads its own configuration. */
    public Map<String, String> environment() {
        return Map.of(ConfigKeys.DATABASE_URL, url.revealed());
    }
}
