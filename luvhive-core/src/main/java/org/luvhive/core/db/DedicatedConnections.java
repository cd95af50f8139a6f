package org.luvhive.core.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private CompletableFuture<Connection> ahead; // guarded by this

    /** {@code settings}: the application name (suffixed {@code -dedicated}) and the connect timeout. */
    public DedicatedConnections(DatabaseUrl url, PoolSettings settings) {
        this.url = url;
        this.settings = settings;
    }

    public DatabaseUrl url() {
        return url;
    }

    /**
     * Starts opening one connection on a thread of its own; the next {@link #open} returns
     * it (or throws what opening it threw). For a short-lived command whose first work is
     * a session: connecting then overlaps its start-up. Does nothing if one is on its way.
     */
    public void openAhead() {
        synchronized (this) {
            if (ahead != null) {
                return;
            }
            ahead = new CompletableFuture<>();
        }
        CompletableFuture<Connection> opening = ahead;
        Thread thread = new Thread(() -> {
            try {
                opening.complete(connect());
            } catch (RuntimeException failure) {
                opening.completeExceptionally(failure);
            }
        }, "connect-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes the connection {@link #openAhead} opened if nobody took it (e.g. the command failed first). */
    public void closeUnused() {
        CompletableFuture<Connection> unused;
        synchronized (this) {
            unused = ahead;
            ahead = null;
        }
        if (unused == null) {
            return;
        }
        try { // waits for it (at most the connect timeout): closed before the process exits, not dropped on the floor
            closeQuietly(unused.get(settings.connectionTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException notOpened) {
            unused.thenAccept(DedicatedConnections::closeQuietly); // if it still opens, close it then
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            unused.thenAccept(DedicatedConnections::closeQuietly);
        }
    }

    /** A new connection in auto-commit mode (the one opened ahead, if any); the caller closes it. */
    public Connection open() {
        CompletableFuture<Connection> opened;
        synchronized (this) {
            opened = ahead;
            ahead = null;
        }
        if (opened != null) {
            try {
                return opened.join();
            } catch (CompletionException failure) {
                if (failure.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw failure;
            }
        }
        return connect();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing was done on it
        }
    }

    private Connection connect() {
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
