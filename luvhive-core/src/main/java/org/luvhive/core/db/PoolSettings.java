package org.luvhive.core.db;

import java.time.Duration;

/**
 * How the connection pool is sized and how long it waits.
 *
 * @param maximumSize       most connections at once ({@code DB_POOL_SIZE})
 * @param connectionTimeout how long a caller waits for a connection, and the limit on
 *                          reaching the server at start-up: an unreachable database is
 *                          reported after this, not after the driver's minutes
 * @param applicationName   shown in {@code pg_stat_activity}, so operators see who is connected
 */
public record PoolSettings(int maximumSize, Duration connectionTimeout, String applicationName) {

    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    public PoolSettings {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1");
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms (HikariCP's minimum)");
        }
    }

    public static PoolSettings of(int maximumSize, String applicationName) {
        return new PoolSettings(maximumSize, DEFAULT_CONNECTION_TIMEOUT, applicationName);
    }
}
