package org.luvhive.core.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.config.ConfigKeys;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.Secret;

/**
 * Connections of one's own on a database, outside any pool: for what needs a session
 * (LISTEN, session advisory locks, a snapshot exported for pg_dump), and for a short-lived
 * command that would pay for a pool's start-up without using it ({@code luvhive backup
 * create} starts pg_dump ~0.1 s sooner this way). A connection that cannot be made is a
 * {@link DatabaseUnavailableException} naming the masked URL.
 *
 * <p>This is the one door to a session of one's own: a {@link Database} behind a
 * transaction pooler (PgBouncer) hands out the {@code DATABASE_DIRECT_URL}'s, since
 * LISTEN, session advisory locks and exported snapshots do not survive a pooler; without
 * that URL, {@link #open} refuses with a {@link ConfigException} naming the key.
 * Thread-safe.
 */
public final class DedicatedConnections {

    private final DatabaseUrl url;
    private final PoolSettings settings;
    private final Optional<String> refusal;
    private final boolean prepares;

    /** {@code settings}: the application name ({@link PoolSettings#dedicatedApplicationName()}) and the connect timeout. */
    public DedicatedConnections(DatabaseUrl url, PoolSettings settings) {
        this(url, settings, Optional.empty(), true);
    }

    private DedicatedConnections(DatabaseUrl url, PoolSettings settings, Optional<String> refusal, boolean prepares) {
        this.url = url;
        this.settings = settings;
        this.refusal = refusal;
        this.prepares = prepares;
    }

    /**
     * Connections that prepare no statement on the server, for a URL that may be a
     * transaction pooler: pgjdbc names its prepared statements per connection ({@code S_1},
     * even for COMMIT), and behind such a pooler two clients' names meet on one server
     * connection.
     */
    static DedicatedConnections preparingNothing(DatabaseUrl url, PoolSettings settings) {
        return new DedicatedConnections(url, settings, Optional.empty(), false);
    }

    /**
     * The connections a database reached by {@code url} gives sessions: {@code url}'s own,
     * the direct URL's behind a transaction pooler, or none (each {@link #open} refuses).
     */
    static DedicatedConnections routed(DatabaseUrl url, SessionRoute route, PoolSettings settings) {
        if (route.sessionsUnavailable()) {
            return new DedicatedConnections(url, settings, Optional.of(url.masked()
                    + " is a transaction pooler (PgBouncer?): sessions that LISTEN or hold session locks do not survive "
                    + "it; set DATABASE_DIRECT_URL to the PostgreSQL server itself, e.g. postgresql://user:pass@host:5432/"
                    + url.database()), true);
        }
        return new DedicatedConnections(route.directUrl().orElse(url), settings);
    }

    /** Throws the configuration problem when these connections cannot be had (see {@link #routed}). */
    public void requireAvailable() {
        refusal.ifPresent(problem -> {
            throw ConfigException.single(ConfigKeys.DATABASE_DIRECT_URL, "is required: " + problem);
        });
    }

    public DatabaseUrl url() {
        return url;
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    public Connection open() {
        requireAvailable();
        Properties properties = new Properties();
        if (!url.user().isEmpty()) {
            properties.setProperty("user", url.user());
        }
        url.password().map(Secret::reveal).ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", settings.dedicatedApplicationName());
        properties.setProperty("connectTimeout", String.valueOf(Math.max(1, settings.connectionTimeout().toSeconds())));
        properties.setProperty("tcpKeepAlive", "true");
        if (!prepares && !url.parameters().containsKey("prepareThreshold")) {
            properties.setProperty("prepareThreshold", "0");
        }
        try {
            return DriverManager.getConnection(url.jdbcUrl(), properties);
        } catch (SQLException unreachable) {
            throw Database.unavailable(url, unreachable);
        }
    }
}
