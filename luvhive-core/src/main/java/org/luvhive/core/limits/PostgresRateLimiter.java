package org.luvhive.core.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Buckets kept in PostgreSQL through Bucket4j's backend (table {@code rate_limit_buckets},
 * {@code SELECT ... FOR UPDATE} per operation), so every bot instance draws on one
 * budget: the global send limit, per-user inbound limits, callback debounce. Rows of
 * idle buckets expire and are removed by {@link #removeExpired}. Thread-safe.
 */
public final class PostgresRateLimiter implements RateLimiter {

    private static final String TABLE = "rate_limit_buckets";
    private static final Clock WALL_CLOCK = Clock.systemUTC();

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxyManager;
    private final Jdbi jdbi;

    public PostgresRateLimiter(DataSource dataSource, TimeMeter timeMeter, Duration keepIdleBuckets) {
        this.jdbi = Jdbi.create(dataSource);
        this.proxyManager = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .clientClock(timeMeter)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepIdleBuckets))
                .build();
    }

    @Override
    public long tryAcquire(String key, Limit limit) {
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    @Override
    public void release(String key, Limit limit) {
        release(key, limit, 1);
    }

    /** Takes as many tokens as there are, up to {@code most}, in one round trip; returns how many. */
    public long tryAcquireUpTo(String key, Limit limit, long most) {
        return bucket(key, limit).tryConsumeAsMuchAsPossible(most);
    }

    /** Returns {@code tokens} to the bucket (up to its capacity). */
    public void release(String key, Limit limit, long tokens) {
        bucket(key, limit).addTokens(tokens);
    }

    /** Deletes up to {@code batch} rows of buckets idle long enough to be full again. */
    public int removeExpired(int batch) {
        return proxyManager.removeExpired(batch);
    }


    /**
     * How many rows {@link #removeExpired} would delete now. Bucket4j stamps and expires
     * them by the wall clock, whatever clock the limiter is given, so this counts by the
     * wall clock too.
     */
    public long countExpired() {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from " + TABLE + " where expires_at < :now")
                .bind("now", WALL_CLOCK.millis()).mapTo(Long.class).one());
    }

    private BucketProxy bucket(String key, Limit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(LocalRateLimiter.bandwidth(limit))
                .build();
        return proxyManager.builder().build(key + "@" + limit.fingerprint(), () -> configuration);
    }
}
