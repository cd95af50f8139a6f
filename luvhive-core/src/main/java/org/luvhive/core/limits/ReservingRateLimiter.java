package org.luvhive.core.limits;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A shared bucket drawn on a few tokens at a time: one round trip to PostgreSQL takes what
 * {@code window} of the limit's rate allows (at most its burst), and this instance spends
 * them locally until they run out or the window ends; what is left then goes back to the
 * shared bucket. Every token spent was taken from the shared budget first, so instances
 * together never send more than the bucket gives out; a token is spent at most
 * {@code window} after it was taken, so a burst exceeds the bucket's own by at most one
 * window of the rate per instance. A limit whose window holds less than two tokens (the
 * production send limit of 30/s: 1.5 in 50 ms) goes to the shared bucket for every token,
 * as before. Thread-safe.
 */
public final class ReservingRateLimiter implements RateLimiter {

    private final PostgresRateLimiter shared;
    private final TimeMeter timeMeter;
    private final long windowNanos;
    private final Map<String, Reserve> reserves = new HashMap<>();

    public ReservingRateLimiter(PostgresRateLimiter shared, TimeMeter timeMeter, Duration window) {
        this.shared = shared;
        this.timeMeter = timeMeter;
        this.windowNanos = window.toNanos();
    }

    @Override
    public synchronized long tryAcquire(String key, Limit limit) {
        long most = reserveSize(limit);
        if (most < 2) {
            return shared.tryAcquire(key, limit);
        }
        String bucket = key + "@" + limit.fingerprint();
        long now = timeMeter.currentTimeNanos();
        Reserve reserve = reserves.get(bucket);
        if (reserve != null) {
            if (reserve.tokens > 0 && now - reserve.takenAt <= windowNanos) {
                reserve.tokens--;
                return 0;
            }
            reserves.remove(bucket);
            if (reserve.tokens > 0) {
                shared.release(key, limit, reserve.tokens);
            }
        }
        long taken = shared.tryAcquireUpTo(key, limit, most);
        if (taken == 0) {
            return shared.tryAcquire(key, limit); // how long to wait (or one token, refilled meanwhile)
        }
        if (taken > 1) {
            reserves.put(bucket, new Reserve(taken - 1, now));
        }
        return 0;
    }

    @Override
    public synchronized void release(String key, Limit limit) {
        Reserve reserve = reserves.get(key + "@" + limit.fingerprint());
        if (reserve != null && timeMeter.currentTimeNanos() - reserve.takenAt <= windowNanos) {
            reserve.tokens++;
        } else {
            shared.release(key, limit);
        }
    }

    /** Tokens one round trip takes for {@code limit}: a window of its rate, at most its burst. */
    long reserveSize(Limit limit) {
        long inWindow = (long) (limit.ratePerSecond() * windowNanos / 1_000_000_000.0);
        return Math.min(inWindow, limit.capacity());
    }

    /** Tokens taken from the shared bucket and not yet spent, and when they were taken. */
    private static final class Reserve {
        private long tokens;
        private final long takenAt;

        Reserve(long tokens, long takenAt) {
            this.tokens = tokens;
            this.takenAt = takenAt;
        }
    }
}
