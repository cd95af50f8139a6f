package org.luvhive.core.delivery.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database session that vouches for a sender's claims: a session advisory lock keyed
 * by the sender's owner name ({@link #LOCK_SPACE}, {@code hashtext(owner)}), held on a
 * dedicated connection (never a pooled one, which would hand the lock to whoever borrows
 * it next) for as long as the sender lives. When the process dies, even by {@code kill -9},
 * its session ends and the lock with it, so the other instances free its claims within
 * seconds ({@code OutboxDao.releaseOrphanedClaims}) instead of waiting out the lease.
 * A lost connection is replaced and the lock taken again; while it is not held the sender
 * claims nothing. Thread-safe.
 */
public final class ClaimOwnerSession implements AutoCloseable {

    /** Advisory-lock key space of claim owners (the first key of the two-int form; all spaces: {@link RecipientLock}). */
    public static final int LOCK_SPACE = 0x4C48_0002;
    /** How often a held lock's connection is checked. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ClaimOwnerSession.class);

    private final Supplier<Connection> connections;
    private final String owner;
    private final Clock clock;
    private Connection connection;
    private Instant checkedAt = Instant.MIN;

    public ClaimOwnerSession(Supplier<Connection> connections, String owner, Clock clock) {
        this.connections = connections;
        this.owner = owner;
        this.clock = clock;
    }

    /**
     * Whether this sender holds its lock now: checked at most once a second, taken (on a
     * new connection) when it is not held.
     */
    public synchronized boolean held() {
        Instant now = clock.instant();
        if (connection != null && Duration.between(checkedAt, now).compareTo(CHECK_EVERY) < 0) {
            return true;
        }
        try {
            if (connection == null) {
                connection = connections.get();
                if (!query(connection, "select pg_try_advisory_lock(?, hashtext(?))")) {
                    // another live session has this owner's key: never claim under a lock that is not ours
                    LOG.error("Claim owner {}: its advisory lock is held by another session", owner);
                    drop();
                    return false;
                }
            } else {
                query(connection, "select true");
            }
            checkedAt = now;
            return true;
        } catch (RuntimeException lost) {
            LOG.warn("Claim owner {} lost its session ({}); claiming nothing until it is back", owner,
                    lost.getMessage());
            drop();
            return false;
        }
    }

    private boolean query(Connection session, String sql) {
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setQueryTimeout(5); // a half-open connection must not hang the sender
            if (sql.contains("?")) {
                statement.setInt(1, LOCK_SPACE);
                statement.setString(2, owner);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }

    private void drop() {
        if (connection != null) {
            try {
                connection.close(); // ends the session: the lock, if held, is released
            } catch (SQLException ignored) {
                // already gone
            }
            connection = null;
        }
    }

    /** Releases the lock (ends the session). */
    @Override
    public synchronized void close() {
        drop();
    }
}
