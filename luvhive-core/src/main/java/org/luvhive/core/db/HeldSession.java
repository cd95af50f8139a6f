package org.luvhive.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * One session of one's own kept open across uses, with Jdbi on it: for work that must not
 * wait for the pool (reporting that the pool is exhausted) or that belongs to a session
 * (a session advisory lock held for an instance's life). Opened from
 * {@link DedicatedConnections} on first use (so it goes around a transaction pooler),
 * reopened on the next use after a failure broke it; {@code onOpen} runs on every new
 * session first (to take a session's locks again). Uses are serialised.
 * Thread-safe.
 */
public final class HeldSession implements AutoCloseable {

    private final DedicatedConnections connections;
    private final Consumer<Handle> onOpen;
    private final Jdbi jdbi;
    private Connection connection; // guarded by this
    private boolean closed; // guarded by this

    public HeldSession(DedicatedConnections connections) {
        this(connections, handle -> { });
    }

    public HeldSession(DedicatedConnections connections, Consumer<Handle> onOpen) {
        this.connections = connections;
        this.onOpen = onOpen;
        this.jdbi = Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return current();
            }

            @Override
            public void closeConnection(Connection toClose) {
                // kept: the session outlives each use
            }
        }).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    /**
     * Runs {@code callback} on the session (opened now if there is none). When it throws,
     * the session is closed if its connection broke, so the next use opens a new one.
     */
    public synchronized <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
        if (closed) {
            throw new IllegalStateException("the session is closed");
        }
        try {
            return jdbi.withHandle(callback);
        } catch (RuntimeException failure) {
            dropIfBroken();
            throw failure;
        }
    }

    /** Whether a session is open now (it may still have died unnoticed since its last use). */
    public synchronized boolean isOpen() {
        return connection != null;
    }

    private Connection current() {
        if (connection == null) {
            Connection opened = connections.open();
            connection = opened;
            try {
                jdbi.useHandle(onOpen::accept);
            } catch (RuntimeException failure) {
                drop();
                throw failure;
            }
        }
        return connection;
    }

    private void dropIfBroken() {
        if (connection == null) {
            return;
        }
        try {
            if (!connection.isValid(2)) {
                drop();
            }
        } catch (SQLException broken) {
            drop();
        }
    }

    private void drop() {
        Connection dropped = connection;
        connection = null;
        if (dropped != null) {
            try {
                dropped.close();
            } catch (SQLException ignored) {
                // gone already
            }
        }
    }

    /** Ends the session (and everything it held). */
    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }
}
