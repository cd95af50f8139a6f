package org.luvhive.testkit.telegram.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.luvhive.testkit.telegram.EmulatorLimits;

/**
 * Telegram-like flood control for one bot: a global bucket and one bucket per chat, with
 * a lock-out per chat after a 429 (see {@link EmulatorLimits}). Thread-safe: every
 * decision is taken under one lock, so concurrent senders cannot both spend the last token.
 */
public final class RateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int PRUNE_THRESHOLD = 10_000;

    private final Clock clock;
    private volatile EmulatorLimits limits;
    private TokenBucket global;
    private final Map<Long, ChatLimit> chats = new HashMap<>();

    public RateLimiter(EmulatorLimits limits, Clock clock) {
        this.clock = clock;
        this.limits = limits;
        this.global = new TokenBucket(limits.globalBurst(), limits.globalPerSecond(), nowNanos());
    }

    /** The result of one admission decision; {@code retryAfter} is 0 when allowed. */
    public record Decision(boolean allowed, int retryAfter) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private static final class ChatLimit {
        final TokenBucket bucket;
        long penaltyUntilNanos;

        ChatLimit(TokenBucket bucket) {
            this.bucket = bucket;
        }
    }

    public EmulatorLimits limits() {
        return limits;
    }

    /** Replaces the limits and forgets all bucket state. */
    public synchronized void reconfigure(EmulatorLimits newLimits) {
        this.limits = newLimits;
        this.global = new TokenBucket(newLimits.globalBurst(), newLimits.globalPerSecond(), nowNanos());
        chats.clear();
    }

    /** Admits one send into {@code chatId} (negative ids are groups) or says how long to wait. */
    public synchronized Decision admit(long chatId) {
        EmulatorLimits current = limits;
        if (!current.enabled()) {
            return Decision.ALLOWED;
        }
        long now = nowNanos();
        ChatLimit chat = chats.computeIfAbsent(chatId, id -> newChatLimit(id, current, now));
        if (now < chat.penaltyUntilNanos) {
            chat.penaltyUntilNanos += current.penaltyExtension().toNanos();
            return new Decision(false, wholeSeconds(chat.penaltyUntilNanos - now));
        }
        if (!chat.bucket.hasToken(now)) {
            int retryAfter = wholeSeconds(chat.bucket.nanosUntilToken(now));
            chat.penaltyUntilNanos = now + retryAfter * NANOS_PER_SECOND;
            return new Decision(false, retryAfter);
        }
        if (!global.hasToken(now)) {
            return new Decision(false, wholeSeconds(global.nanosUntilToken(now)));
        }
        chat.bucket.take(now);
        global.take(now);
        if (chats.size() > PRUNE_THRESHOLD) {
            prune(now);
        }
        return Decision.ALLOWED;
    }

    private static ChatLimit newChatLimit(long chatId, EmulatorLimits limits, long now) {
        boolean group = chatId < 0;
        double perSecond = group ? limits.groupPerMinute() / 60.0 : limits.chatPerSecond();
        int burst = group ? limits.groupBurst() : limits.chatBurst();
        return new ChatLimit(new TokenBucket(burst, perSecond, now));
    }

    /** Forgets chats whose state is indistinguishable from a fresh one, so memory stays bounded. */
    private void prune(long now) {
        for (Iterator<ChatLimit> it = chats.values().iterator(); it.hasNext(); ) {
            ChatLimit chat = it.next();
            if (now >= chat.penaltyUntilNanos && chat.bucket.isFull(now)) {
                it.remove();
            }
        }
    }

    private static int wholeSeconds(long nanos) {
        long seconds = (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds));
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
    }
}
