package org.luvhive.testkit.telegram.internal;

/**
 * A token bucket on a nanosecond time line supplied by the caller. Written for the
 * emulator alone: it is the reference the bot's own limiter is tested against, so it
 * shares no code with it. Not thread-safe; {@link RateLimiter} guards it.
 */
final class TokenBucket {
    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAtNanos;

    TokenBucket(double capacity, double tokensPerSecond, long nowNanos) {
        this.capacity = capacity;
        this.tokensPerNano = tokensPerSecond / 1e9;
        this.tokens = capacity;
        this.updatedAtNanos = nowNanos;
    }

    boolean hasToken(long nowNanos) {
        refill(nowNanos);
        // A hair of tolerance so that floating-point rounding never costs a whole token.
        return tokens >= 1 - 1e-9;
    }

    void take(long nowNanos) {
        refill(nowNanos);
        tokens -= 1;
    }

    long nanosUntilToken(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        if (nowNanos > updatedAtNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - updatedAtNanos) * tokensPerNano);
            updatedAtNanos = nowNanos;
        }
    }
}
