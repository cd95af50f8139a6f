package org.luvhive.core.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may not be sent to until when, after a FloodWait. A 429 pauses the chat that hit
 * it; 429s from two different chats within {@code globalWindow} mean the bot-wide limit
 * was hit, and pause everything. Telegram does not say which scope a 429 is for; this is
 * how bots observe it. Thread-safe.
 */
public final class ChatPauses {

    public enum Scope { CHAT, GLOBAL }

    private record Hit(Instant at, long chatId) {
    }

    private final Duration globalWindow;
    private final Map<Long, Instant> chats = new ConcurrentHashMap<>();
    private final Deque<Hit> recentHits = new ArrayDeque<>();
    private volatile Instant globalUntil = Instant.EPOCH;

    public ChatPauses(Duration globalWindow) {
        this.globalWindow = globalWindow;
    }

    /** Records a 429 for {@code chatId} and returns the scope it paused. */
    public synchronized Scope floodWait(long chatId, Duration retryAfter, Instant now) {
        while (!recentHits.isEmpty() && recentHits.peekFirst().at().isBefore(now.minus(globalWindow))) {
            recentHits.removeFirst();
        }
        boolean otherChatHit = recentHits.stream().anyMatch(hit -> hit.chatId() != chatId);
        recentHits.addLast(new Hit(now, chatId));
        Instant until = now.plus(retryAfter);
        chats.merge(chatId, until, (old, fresh) -> old.isAfter(fresh) ? old : fresh);
        if (otherChatHit) {
            if (until.isAfter(globalUntil)) {
                globalUntil = until;
            }
            return Scope.GLOBAL;
        }
        return Scope.CHAT;
    }

    /** Until when everything waits (in the past when nothing does). */
    public Instant globalPauseUntil() {
        return globalUntil;
    }

    public boolean isPaused(long chatId, Instant now) {
        Instant until = chats.get(chatId);
        if (until == null) {
            return false;
        }
        if (!until.isAfter(now)) {
            chats.remove(chatId, until);
            return false;
        }
        return true;
    }

    /** The chats paused now. */
    public java.util.Set<Long> pausedChats(Instant now) {
        chats.entrySet().removeIf(entry -> !entry.getValue().isAfter(now));
        return java.util.Set.copyOf(chats.keySet());
    }
}
