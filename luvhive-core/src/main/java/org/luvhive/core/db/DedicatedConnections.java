package org.luvhive.core.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.Secret;

/**
 * Connections of one's own on a database, outside any pool: for what needs a session
 * (LISTEN, session advisory locks, a snapshot exported for pg_dump), and for a short-lived
 * command that would pay for a pool's start-up without using it ({@code luvhive backup
 * create} starts pg_dump ~0.1 s sooner this way). A connection that cannot be made is a
 * {@link DatabaseUnavailableException} naming the masked URL. Thread-safe.
 */
public final class DedicatedConnections {

    private final DatabaseUrl url;
    private final PoolSettings settings;

    /** {@code settings}: the application name (suffixed {@code -dedicated}) and the connect timeout. */
    public DedicatedConnections(DatabaseUrl url, PoolSettings settings) {
        this.url = url;
        this.settings = settings;
    }

    public DatabaseUrl url() {
        return url;
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    public Connection open() {
        Properties properties = new Properties();
        if (!url.user().isEmpty()) {
            properties.setProperty("user", url.user());
        }
        url.password().map(Secret::reveal).ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", settings.applicationName() + "-dedicated");
        properties.setProperty("connectTimeout", String.valueOf(Math.max(1, settings.connectionTimeout().toSeconds())));
        properties.setProperty("tcpKeepAlive", "true");
        try {
            return DriverManager.getConnection(url.jdbcUrl(), properties);
        } catch (SQLException unreachable) {
            throw Database.unavailable(url, unreachable);
        }
    }
}
