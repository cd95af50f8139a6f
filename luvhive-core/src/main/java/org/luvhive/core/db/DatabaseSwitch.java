package org.luvhive.core.db;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.luvhive.core.config.ConfigKeys;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.EnvFileWriter;
import org.luvhive.core.config.LuvhiveConfig;

/**
 * What {@code luvhive switch-database NAME} does before the bots move: the database NAME
 * on the configured server, with the configured login (so no password is ever typed on a
 * command line), checked to be a LuvHive database, then written into the env file, which
 * every running bot re-reads each second (the bot's {@code DatabaseWatcher}) and which a
 * restarted bot starts on. Behind PgBouncer the direct URL moves with it; on the embedded
 * server {@code EMBEDDED_DATABASE} names it. Stateless and thread-safe.
 */
public final class DatabaseSwitch {

    /**
     * How soon after the env file names another database a running bot writes only to that
     * one: it re-reads the file every second; a report into the old database later than this
     * comes from a bot that does not follow the file.
     */
    public static final Duration FOLLOWED_WITHIN = Duration.ofSeconds(3);

    private DatabaseSwitch() {
    }

    /**
     * The database to switch to.
     *
     * @param url       where it is (password and all: never print it, {@link DatabaseUrl#masked()})
     * @param directUrl the same behind a transaction pooler, when {@code DATABASE_DIRECT_URL} is configured
     * @param embedded  whether it is on the embedded server ({@code EMBEDDED_DATABASE} names it)
     */
    public record Target(DatabaseUrl url, Optional<DatabaseUrl> directUrl, boolean embedded) {

        public String database() {
            return url.database();
        }
    }

    /**
     * The target, opened and checked: its schema level, and a small pool on it (to watch the
     * bots arrive). Holds the embedded server while open when this process had to start it.
     */
    public static final class Checked implements AutoCloseable {
        private final Target target;
        private final Migrations.SchemaLevel level;
        private final int pendingMigrations;
        private final Database database;
        private final Optional<EmbeddedPostgresServer> server;

        private Checked(Target target, Migrations.SchemaLevel level, int pendingMigrations, Database database,
                        Optional<EmbeddedPostgresServer> server) {
            this.target = target;
            this.level = level;
            this.pendingMigrations = pendingMigrations;
            this.database = database;
            this.server = server;
        }

        public Target target() {
            return target;
        }

        public Migrations.SchemaLevel level() {
            return level;
        }

        public int pendingMigrations() {
            return pendingMigrations;
        }

        /** The target database itself. */
        public Database database() {
            return database;
        }

        @Override
        public void close() {
            database.close();
            server.ifPresent(EmbeddedPostgresServer::close);
        }
    }

    /**
     * {@code database} on the server {@code config} uses now, with the configured login,
     * opened and checked: a {@link DatabaseMissingException} when it does not exist, an
     * {@link IllegalArgumentException} when no LuvHive migration was ever applied to it (an
     * empty database would greet every user as new).
     */
    public static Checked check(LuvhiveConfig config, String database, MeterRegistry registry,
                                String applicationName) {
        Optional<EmbeddedPostgresServer> server = Optional.empty();
        Database opened = null;
        try {
            Target target;
            if (config.databaseUrl().isPresent()) {
                target = new Target(config.databaseUrl().get().withDatabase(database),
                        config.databaseDirectUrl().map(direct -> direct.withDatabase(database)), false);
            } else {
                server = Optional.of(EmbeddedPostgresServer.startOrAttach(config.embeddedDataDirectory(),
                        config.embeddedDatabase()));
                target = new Target(server.get().databaseUrl(database), Optional.empty(), true);
            }
            opened = Database.connect(target.url(), PoolSettings.of(2, applicationName), registry); // Flyway uses two
            Migrations migrations = opened.migrations();
            Migrations.SchemaLevel level = migrations.current().orElseThrow(() -> new IllegalArgumentException(
                    "database '" + database + "' holds no LuvHive schema: restore a backup into it first "
                            + "(luvhive restore --latest --target " + database + ")"));
            return new Checked(target, level, migrations.pendingCount(), opened, server);
        } catch (RuntimeException failure) {
            if (opened != null) {
                opened.close();
            }
            server.ifPresent(EmbeddedPostgresServer::close);
            throw failure;
        }
    }

    /** Writes the target into the env file (mode 0600; both URLs in one atomic rewrite). */
    public static void write(Path envFile, Target target) {
        if (target.embedded()) {
            EnvFileWriter.set(envFile, ConfigKeys.EMBEDDED_DATABASE, target.database());
            return;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(ConfigKeys.DATABASE_URL, target.url().revealed());
        target.directUrl().ifPresent(direct -> keys.put(ConfigKeys.DATABASE_DIRECT_URL, direct.revealed()));
        EnvFileWriter.setAll(envFile, keys);
    }
}
