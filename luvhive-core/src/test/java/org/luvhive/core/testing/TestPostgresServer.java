package org.luvhive.core.testing;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.Secret;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.PoolSettings;

/**
 * The one PostgreSQL server of a test JVM: an embedded one (zonky, PostgreSQL 15), or the
 * server {@code LUVHIVE_TEST_DATABASE_URL} names. Holds a migrated template database, so
 * each test class gets its own migrated copy in milliseconds.
 */
public final class TestPostgresServer implements AutoCloseable {

    public static final String EXTERNAL_URL_VARIABLE = "LUVHIVE_TEST_DATABASE_URL";

    private final Optional<EmbeddedPostgres> embedded;
    private final DatabaseUrl maintenanceUrl;
    private final String templateName;

    private TestPostgresServer(Optional<EmbeddedPostgres> embedded, DatabaseUrl maintenanceUrl) {
        this.embedded = embedded;
        this.maintenanceUrl = maintenanceUrl;
        this.templateName = uniqueName("luvhive_tpl");
        createDatabase(templateName, null);
        DatabaseUrl templateUrl = maintenanceUrl.withDatabase(templateName);
        try (Database template = Database.connect(templateUrl, PoolSettings.of(2, "luvhive-test-template"),
                new SimpleMeterRegistry())) {
            template.migrate();
        }
    }

    static TestPostgresServer start() {
        String external = System.getenv(EXTERNAL_URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            return new TestPostgresServer(Optional.empty(), DatabaseUrl.parse(external));
        }
        try {
            // loads pg_stat_statements as the production embedded server does (luvhive db slow)
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
            DatabaseUrl url = new DatabaseUrl("127.0.0.1", postgres.getPort(), "postgres", "postgres",
                    Optional.empty(), Map.of());
            return new TestPostgresServer(Optional.of(postgres), url);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", failure);
        }
    }

    /** A new database, copied from the migrated template. */
    public DatabaseUrl createMigratedDatabase(String prefix) {
        String name = uniqueName(prefix);
        createDatabase(name, templateName);
        return maintenanceUrl.withDatabase(name);
    }

    /** A new empty database (no migrations). */
    public DatabaseUrl createEmptyDatabase(String prefix) {
        String name = uniqueName(prefix);
        createDatabase(name, null);
        return maintenanceUrl.withDatabase(name);
    }

    /** The server's maintenance database ({@code postgres}), for administrative statements. */
    public DatabaseUrl maintenanceUrl() {
        return maintenanceUrl;
    }

    public void dropDatabase(String name) {
        execute("drop database if exists " + quote(name) + " with (force)");
    }

    public boolean databaseExists(String name) {
        try (Connection connection = connect();
             var statement = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            statement.setString(1, name);
            try (var result = statement.executeQuery()) {
                return result.next();
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot query the test server", failure);
        }
    }

    /**
     * Makes the server ask {@code role} for its password (scram-sha-256) from now on: a line
     * ahead of the embedded server's "trust everyone" rules, then a reload, waiting until a
     * connection without the password is refused. An external server
     * ({@value #EXTERNAL_URL_VARIABLE}) is left to its own pg_hba.conf.
     */
    public void requirePasswordFor(String role) {
        if (embedded.isEmpty()) {
            return;
        }
        String rule = "host all " + role + " all scram-sha-256\n";
        try {
            Path hba = Path.of(queryString("show hba_file"));
            String rules = Files.readString(hba);
            if (!rules.startsWith(rule)) {
                Files.writeString(hba, rule + rules);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot change the test server's pg_hba.conf", failure);
        }
        execute("select pg_reload_conf()");
        await().atMost(Duration.ofSeconds(10)).until(() -> refusesWithoutPassword(role));
    }

    private boolean refusesWithoutPassword(String role) {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        try (Connection ignored = DriverManager.getConnection(maintenanceUrl.jdbcUrl(), properties)) {
            return false;
        } catch (SQLException refused) {
            return true;
        }
    }

    private String queryString(String sql) {
        try (Connection connection = connect(); var statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException failure) {
            throw new IllegalStateException("test server refused: " + sql, failure);
        }
    }

    private void createDatabase(String name, String template) {
        execute("create database " + quote(name) + (template == null ? "" : " template " + quote(template)));
    }

    private void execute(String sql) {
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException("test server refused: " + sql, failure);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (!maintenanceUrl.user().isEmpty()) {
            properties.setProperty("user", maintenanceUrl.user());
        }
        maintenanceUrl.password().map(Secret::reveal).ifPresent(password -> properties.setProperty("password", password));
        return DriverManager.getConnection(maintenanceUrl.jdbcUrl(), properties);
    }

    private static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() {
        try {
            dropDatabase(templateName);
        } finally {
            embedded.ifPresent(postgres -> {
                try {
                    postgres.close();
                } catch (IOException failure) {
                    throw new UncheckedIOException(failure);
                }
            });
        }
    }
}
