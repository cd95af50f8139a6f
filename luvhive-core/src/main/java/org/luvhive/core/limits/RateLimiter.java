package org.luvhive.core.limits;

/**
 * Token buckets by key. {@link #tryAcquire} takes one token if there is one and says how
 * long to wait otherwise; {@link #release} gives one back (when a send that took a token
 * did not happen). A bucket's key includes the limit's shape, so changing a limit starts
 * fresh buckets. Implementations are thread-safe; see {@code LocalRateLimiter} (one
 * process) and {@code PostgresRateLimiter} (shared by every bot instance).
 */
public interface RateLimiter {

    /**
     * @return 0 when a token was taken; otherwise the nanoseconds until one will be there
     */
    long tryAcquire(String key, Limit limit);

    /** Returns one token to the bucket (up to its capacity). */
    void release(String key, Limit limit);
}
