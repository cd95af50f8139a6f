package org.luvhive.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.luvhive.core.FailureText;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.Secret;

/**
 * One PostgreSQL database in use: its pool, its {@link Jdbi} and its migrations, and the
 * embedded server behind it when LuvHive started one. Open with {@link DatabaseConnector}
 * (or {@link #connect} for a known URL); close once at shutdown. Sessions of one's own
 * (LISTEN, session locks) come from {@link #dedicatedConnections()}, which knows whether
 * the pool's URL is a transaction pooler and where to go instead. A running program may
 * move it to another database ({@link #switchTo}). Thread-safe.
 */
public final class Database implements AutoCloseable {

    private final PoolSettings poolSettings;
    private final MeterRegistry registry;
    private final SwitchableDataSource dataSource;
    private final Jdbi jdbi;
    private final Optional<EmbeddedPostgresServer> embeddedServer;
    private final DedicatedConnections dedicatedConnections;
    private final StatementTimings statementTimings;
    private final ConnectionPool pool;
    private volatile DatabaseUrl url;
    private volatile SessionRoute route;

    private Database(DatabaseUrl url, SessionRoute route, PoolSettings poolSettings, MeterRegistry registry,
                     HikariDataSource dataSource, Optional<EmbeddedPostgresServer> embeddedServer) {
        this.url = url;
        this.route = route;
        this.poolSettings = poolSettings;
        this.registry = registry;
        this.dataSource = new SwitchableDataSource(dataSource);
        this.statementTimings = new StatementTimings();
        this.jdbi = Jdbi.create(this.dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin())
                .setSqlLogger(new QueryTimingSqlLogger(registry, statementTimings));
        // Jdbi's default appends the statement's arguments to an exception's message
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        this.embeddedServer = embeddedServer;
        this.dedicatedConnections = DedicatedConnections.routed(url, route, poolSettings);
        this.pool = new ConnectionPool(this.dataSource);
    }

    /**
     * Opens a pool on the given database and checks that it answers, failing within the
     * pool's connection timeout with a {@link DatabaseUnavailableException}.
     */
    public static Database connect(DatabaseUrl url, PoolSettings poolSettings, MeterRegistry registry) {
        return connect(url, SessionRoute.direct(), poolSettings, registry, Optional.empty());
    }

    /**
     * As {@link #connect(DatabaseUrl, PoolSettings, MeterRegistry)}, for a URL that may be a
     * transaction pooler: then the pool prepares no statements on the server (unless the
     * URL sets {@code prepareThreshold} itself) and sessions follow the route.
     */
    public static Database connect(DatabaseUrl url, SessionRoute route, PoolSettings poolSettings,
                                   MeterRegistry registry) {
        return connect(url, route, poolSettings, registry, Optional.empty());
    }

    static Database connect(DatabaseUrl url, SessionRoute route, PoolSettings poolSettings, MeterRegistry registry,
                            Optional<EmbeddedPostgresServer> embeddedServer) {
        return new Database(url, route, poolSettings, registry, startPool(url, route, poolSettings, registry),
                embeddedServer);
    }

    /** A started pool on {@code url}; with {@code registry} its metrics are published (one pool at a time). */
    private static HikariDataSource startPool(DatabaseUrl url, SessionRoute route, PoolSettings poolSettings,
                                              MeterRegistry registry) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("luvhive");
        hikari.setJdbcUrl(url.jdbcUrl());
        if (!url.user().isEmpty()) {
            hikari.setUsername(url.user());
        }
        url.password().map(Secret::reveal).ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(poolSettings.maximumSize());
        hikari.setMinimumIdle(Math.min(ConnectionPool.MINIMUM_IDLE, poolSettings.maximumSize()));
        hikari.setConnectionTimeout(poolSettings.connectionTimeout().toMillis());
        hikari.setInitializationFailTimeout(poolSettings.connectionTimeout().toMillis());
        // as text: HikariCP hands these to the driver as they are, and pgjdbc reads only String values
        hikari.addDataSourceProperty("ApplicationName", poolSettings.applicationName());
        hikari.addDataSourceProperty("connectTimeout",
                String.valueOf(Math.max(1, poolSettings.connectionTimeout().toSeconds())));
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        // a failure's DETAIL and WHERE quote the data (the JSON of an update: a message, a first name);
        // exception messages, and so the bot's log lines, carry only what failed
        hikari.addDataSourceProperty("logServerErrorDetail", "false");
        if (route.transactionPooled() && !url.parameters().containsKey("prepareThreshold")) {
            // a statement prepared on one server connection is unknown to the next (PgBouncer before 1.21)
            hikari.addDataSourceProperty("prepareThreshold", "0");
        }
        if (registry != null) {
            hikari.setMetricRegistry(registry);
        }
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException unreachable) {
            throw unavailable(url, unreachable);
        }
    }

    /**
     * Moves this database, while the program runs, to another one (a restored copy after the
     * old one was lost, or a new server): a pool on {@code next} is started (failing with a
     * {@link DatabaseUnavailableException} and changing nothing when it cannot connect), its
     * schema checked and migrated by Flyway, and then every user of this object goes there:
     * Jdbi's and the pool's next connection, and the dedicated sessions, whose open
     * connections to the old database are closed so that their holders open new ones (and
     * take their session locks again). The old pool is closed; statements still running on
     * it fail and are retried by their callers. The embedded server, if this process started
     * it, keeps running until {@link #close()}. Serialised; thread-safe.
     */
    public synchronized void switchTo(DatabaseUrl next, SessionRoute nextRoute) {
        HikariDataSource started = startPool(next, nextRoute, new PoolSettings(pool.maximumSize(),
                poolSettings.connectionTimeout(), poolSettings.applicationName()), null);
        try {
            new Migrations(started).migrate();
        } catch (RuntimeException refused) {
            started.close();
            throw refused;
        }
        HikariDataSource previous = dataSource.replace(started);
        url = next;
        route = nextRoute;
        dedicatedConnections.retarget(DedicatedConnections.routed(next, nextRoute, poolSettings));
        previous.close(); // also takes its metrics off the registry
        started.setMetricRegistry(registry);
    }

    /**
     * One connection outside the pool, for what needs a session of its own
     * (LISTEN, session advisory locks). The caller closes it.
     */
    public Connection openDedicatedConnection() {
        return dedicatedConnections.open();
    }

    /** Connections outside the pool, for whoever needs sessions of their own. */
    public DedicatedConnections dedicatedConnections() {
        return dedicatedConnections;
    }

    /** How sessions reach the server: straight, or around a transaction pooler. */
    public SessionRoute sessionRoute() {
        return route;
    }

    /** The running pool: its figures, a soft reset, a new size. */
    public ConnectionPool pool() {
        return pool;
    }

    /** This process's time per statement, since it started. */
    public StatementTimings statementTimings() {
        return statementTimings;
    }

    static DatabaseUnavailableException unavailable(DatabaseUrl url, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException refused
                    && DatabaseMissingException.INVALID_CATALOG_NAME.equals(refused.getSQLState())) {
                return new DatabaseMissingException(url.database(), url.host() + ":" + url.port(), failure);
            }
        }
        return new DatabaseUnavailableException("cannot connect to database " + url.masked() + ": "
                + FailureText.ofRootCause(failure), failure);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pool's connections (always the pool in use, also after {@link #switchTo}). */
    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseUrl url() {
        return url;
    }

    public PoolSettings poolSettings() {
        return poolSettings;
    }

    public Migrations migrations() {
        return new Migrations(dataSource);
    }

    /** The embedded server, when this database lives in one. */
    public Optional<EmbeddedPostgresServer> embeddedServer() {
        return embeddedServer;
    }

    /** Applies pending migrations and returns how many ran. */
    public int migrate() {
        return migrations().migrate();
    }

    @Override
    public void close() {
        dataSource.current().close();
        embeddedServer.ifPresent(EmbeddedPostgresServer::close);
    }
}
