package org.luvhive.core.db;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The running pool of a {@link Database}, as operators see and steer it: its figures,
 * a soft reset (every connection replaced, work in flight finishing first) and a new
 * maximum size, both without a restart; always the pool in use now, also after a
 * {@link Database#switchTo switch}. Thread-safe.
 */
public final class ConnectionPool {

    /** The pool never keeps more idle connections than this, nor more than its maximum. */
    static final int MINIMUM_IDLE = 2;
    private static final long ASK_TIMEOUT_MILLIS = 100;

    private final SwitchableDataSource pools;

    ConnectionPool(SwitchableDataSource pools) {
        this.pools = pools;
    }

    public PoolFigures figures() {
        HikariDataSource dataSource = pools.current();
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        return new PoolFigures(pool.getActiveConnections(), pool.getIdleConnections(),
                pool.getThreadsAwaitingConnection(), dataSource.getHikariConfigMXBean().getMaximumPoolSize());
    }

    /**
     * Replaces every connection softly: idle ones are closed now, lent ones when they come
     * back; new ones are opened as needed (HikariCP's soft eviction).
     */
    public void softReset() {
        pools.current().getHikariPoolMXBean().softEvictConnections();
    }

    /**
     * Sets the most connections the pool opens, at once. HikariCP reads the maximum when a
     * thread asks for a connection: threads already waiting when it grows would wait for
     * its housekeeper (30 s), so a short-lived thread asks once (giving up after
     * {@code ASK_TIMEOUT_MILLIS}), which makes the pool open connections for every waiter. For a smaller maximum, when more are open, this also
     * evicts softly (idle connections close now, lent ones when they come back), since
     * HikariCP would otherwise keep the extra ones until they idle out (10 minutes).
     */
    public synchronized void resize(int maximumSize) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 connection, not " + maximumSize);
        }
        HikariDataSource dataSource = pools.current();
        HikariConfigMXBean config = dataSource.getHikariConfigMXBean();
        int current = config.getMaximumPoolSize();
        if (maximumSize == current) {
            return;
        }
        if (maximumSize > current) {
            config.setMaximumPoolSize(maximumSize);
            config.setMinimumIdle(Math.min(MINIMUM_IDLE, maximumSize));
            if (dataSource.getHikariPoolMXBean().getThreadsAwaitingConnection() > 0) {
                serveWaitingThreads(dataSource);
            }
        } else {
            config.setMinimumIdle(Math.min(MINIMUM_IDLE, maximumSize));
            config.setMaximumPoolSize(maximumSize);
            HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
            if (pool.getTotalConnections() > maximumSize) {
                pool.softEvictConnections();
            }
        }
    }

    private static void serveWaitingThreads(HikariDataSource dataSource) {
        Thread asking = new Thread(() -> {
            try (Connection ignored = ((HikariPool) dataSource.getHikariPoolMXBean()).getConnection(ASK_TIMEOUT_MILLIS)) {
                // taken and given back: what matters is that HikariCP looked at the new maximum
            } catch (SQLException busy) {
                // every connection stayed busy for the whole timeout: the waiters were served first
            }
        }, "luvhive-pool-grow");
        asking.setDaemon(true);
        asking.start();
    }

    public int maximumSize() {
        return pools.current().getHikariConfigMXBean().getMaximumPoolSize();
    }
}
