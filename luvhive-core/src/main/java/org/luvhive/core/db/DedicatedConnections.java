package org.luvhive.core.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
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
 * that URL, {@link #open} refuses with a {@link ConfigException} naming the key. A
 * {@link Database}'s follow it when it {@link Database#switchTo switches} to another
 * database. Thread-safe.
 */
public final class DedicatedConnections {

    private final PoolSettings settings;
    private volatile Target target;
    /** What {@link #open} handed out and is not closed yet: ended when the target changes. */
    private final Set<Connection> opened = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /** {@code settings}: the application name ({@link PoolSettings#dedicatedApplicationName()}) and the connect timeout. */
    public DedicatedConnections(DatabaseUrl url, PoolSettings settings) {
        this(url, settings, Optional.empty(), true);
    }

    private DedicatedConnections(DatabaseUrl url, PoolSettings settings, Optional<String> refusal, boolean prepares) {
        this.settings = settings;
        this.target = new Target(url, refusal, prepares);
    }

    /** Where connections go: the URL, or why none can be had, and whether they may prepare statements. */
    private record Target(DatabaseUrl url, Optional<String> refusal, boolean prepares) {
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
        target.refusal().ifPresent(problem -> {
            throw ConfigException.single(ConfigKeys.DATABASE_DIRECT_URL, "is required: " + problem);
        });
    }

    public DatabaseUrl url() {
        return target.url();
    }

    /**
     * From now on connections go where {@code next}'s go, and every connection handed out
     * before and still open is closed: its holder (the LISTEN loop, the poller's and the
     * claim owners' lock sessions) sees it break and opens a new one, on the new database.
     */
    void retarget(DedicatedConnections next) {
        target = next.target;
        List<Connection> previous;
        synchronized (opened) {
            previous = new ArrayList<>(opened);
            opened.clear();
        }
        for (Connection connection : previous) {
            try {
                connection.close();
            } catch (SQLException alreadyBroken) {
                // its database is gone: closed is what it was to be
            }
        }
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    public Connection open() {
        Target target = this.target;
        target.refusal().ifPresent(problem -> {
            throw ConfigException.single(ConfigKeys.DATABASE_DIRECT_URL, "is required: " + problem);
        });
        DatabaseUrl url = target.url();
        Properties properties = new Properties();
        if (!url.user().isEmpty()) {
            properties.setProperty("user", url.user());
        }
        url.password().map(Secret::reveal).ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", settings.dedicatedApplicationName());
        properties.setProperty("connectTimeout", String.valueOf(Math.max(1, settings.connectionTimeout().toSeconds())));
        properties.setProperty("tcpKeepAlive", "true");
        if (!target.prepares() && !url.parameters().containsKey("prepareThreshold")) {
            properties.setProperty("prepareThreshold", "0");
        }
        try {
            Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
            opened.add(connection);
            return connection;
        } catch (SQLException unreachable) {
            throw Database.unavailable(url, unreachable);
        }
    }
}
