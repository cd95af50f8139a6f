package org.luvhive.cli.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.luvhive.core.config.ConfigKeys;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.DatabaseConnector;
import org.luvhive.core.db.DatabaseMissingException;
import org.luvhive.core.db.DedicatedConnections;
import org.luvhive.core.db.InstanceName;
import org.luvhive.core.db.PoolSettings;
import org.luvhive.core.telegram.TelegramBotsGateway;
import org.luvhive.core.telegram.TelegramGateway;

/**
 * The CLI's composition root for one run: the environment, the output streams, and the
 * configuration and database, each made on first use and closed when the run ends.
 * Commands receive it in their constructor. Not thread-safe: one run, one thread.
 */
public final class CliContext implements AutoCloseable {

    private static final String PROGRAM = "luvhive-cli";

    private final Map<String, String> environment;
    private final ConfigLoader configLoader;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;
    // made on first use: Jackson and Micrometer cost a noticeable part of a command's start-up
    private MeterRegistry registry;
    private JsonOutput json;
    private LuvhiveConfig config;
    private Database database;
    private DedicatedConnections dedicatedConnections;
    private TelegramBotsGateway telegram;
    private InputStream in = System.in;
    private String instance;

    public CliContext(Map<String, String> environment, ConfigLoader configLoader, PrintWriter out, PrintWriter err,
                      Clock clock) {
        this.environment = Map.copyOf(environment);
        this.configLoader = configLoader;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public LuvhiveConfig config() {
        if (config == null) {
            config = configLoader.load(environment);
        }
        return config;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /**
     * The env file the bots read: {@code LUVHIVE_ENV_FILE}, else the one the configuration
     * was read from, else {@code ~/.luvhive/luvhive.env} (what a command that changes it writes).
     */
    public Path envFile() {
        String explicit = environment.get(ConfigKeys.LUVHIVE_ENV_FILE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return config().envFile().orElse(Path.of(System.getProperty("user.home"), ".luvhive", "luvhive.env"));
    }

    /**
     * The database, opened on first use. The embedded database is LuvHive's own and is
     * migrated on open; an external one is left as it is (see {@link #migratedDatabase()}).
     */
    public Database database() {
        if (database == null) {
            database = new DatabaseConnector(registry()).open(config(), PROGRAM, instance());
            if (config().usesEmbeddedDatabase()) {
                database.migrate();
            }
        }
        return database;
    }

    /**
     * The configured database, or when it is missing (dropped, its data lost) its server,
     * reached through the maintenance database with the same login: for commands that work
     * on the server, such as restoring the lost database into a new one.
     */
    public Database databaseOrServer() {
        try {
            return database();
        } catch (DatabaseMissingException gone) {
            database = new DatabaseConnector(registry()).openServer(config(), PROGRAM, instance());
            return database;
        }
    }

    /**
     * Connections of one's own on the configured database without starting a pool (for a
     * command that holds one session, e.g. {@code backup create}): the open database's,
     * the embedded server's (started and migrated as {@link #database()} does), or
     * straight to {@code DATABASE_URL}.
     */
    public DedicatedConnections dedicatedConnections() {
        if (dedicatedConnections == null) {
            dedicatedConnections = database == null && config().databaseUrl().isPresent()
                    ? new DedicatedConnections(config().databaseUrl().get(),
                            PoolSettings.of(config().dbPoolSize(), PROGRAM, instance()))
                    : database().dedicatedConnections();
        }
        return dedicatedConnections;
    }

    /** The database, refusing to work on a schema older than this build knows. */
    public Database migratedDatabase() {
        Database opened = database();
        int pending = opened.migrations().pendingCount();
        if (pending > 0) {
            throw new CliFailure(ExitCode.SCHEMA_OUTDATED, "the database schema is " + pending
                    + " migration(s) behind this luvhive: run 'luvhive db migrate' (or start the bot, which migrates)");
        }
        return opened;
    }

    /** This run's name ({@code host:pid}), in its sessions' application_name after {@code luvhive-cli}. */
    public String instance() {
        if (instance == null) {
            instance = InstanceName.ofThisProcess();
        }
        return instance;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Clock clock() {
        return clock;
    }

    public MeterRegistry registry() {
        if (registry == null) {
            registry = new SimpleMeterRegistry();
        }
        return registry;
    }

    public JsonOutput json() {
        if (json == null) {
            json = new JsonOutput();
        }
        return json;
    }

    /**
     * The Bot API with the configured token (a {@code BOT_TOKEN: is not set} configuration
     * error without one); calls give up after 15 s. Closed with the context.
     */
    public TelegramGateway telegram() {
        if (telegram == null) {
            telegram = new TelegramBotsGateway(config().requireBotToken(),
                    config().telegramApiUrl(), Duration.ofSeconds(15));
        }
        return telegram;
    }

    /** What the user types or pipes in (a new token, a confirmation). */
    public InputStream in() {
        return in;
    }

    /** Reads what the user types from {@code input} instead of the process's stdin (tests). */
    public void readFrom(InputStream input) {
        this.in = input;
    }

    @Override
    public void close() {
        if (telegram != null) {
            telegram.close();
            telegram = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
