package org.luvhive.core.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * In-process buckets (Bucket4j local buckets), for limits that need no sharing between
 * instances: per-chat send limits. Idle buckets are dropped (a dropped bucket comes back
 * full, which an idle chat would be anyway); at most {@code maximumBuckets} are kept.
 * Thread-safe.
 */
public final class LocalRateLimiter implements RateLimiter {

    private final TimeMeter timeMeter;
    private final Cache<String, Bucket> buckets;

    public LocalRateLimiter(TimeMeter timeMeter, long maximumBuckets, Duration idleExpiry) {
        this.timeMeter = timeMeter;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maximumBuckets)
                .expireAfterAccess(idleExpiry)
                .build();
    }

    @Override
    public long tryAcquire(String key, Limit limit) {
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    @Override
    public void release(String key, Limit limit) {
        bucket(key, limit).addTokens(1);
    }

    /** Drops every bucket (they come back full on next use). */
    public void clear() {
        buckets.invalidateAll();
    }

    public long size() {
        return buckets.estimatedSize();
    }

    private Bucket bucket(String key, Limit limit) {
        return buckets.get(key + "@" + limit.fingerprint(), ignored -> Bucket.builder()
                .addLimit(bandwidth(limit))
                .withCustomTimePrecision(timeMeter)
                .build());
    }

    static Bandwidth bandwidth(Limit limit) {
        return Bandwidth.builder()
                .capacity(limit.capacity())
                .refillGreedy(limit.tokens(), limit.period())
                .build();
    }
}
