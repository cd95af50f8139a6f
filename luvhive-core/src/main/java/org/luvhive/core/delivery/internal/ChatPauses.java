package org.luvhive.core.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may not be sent to until when, after a FloodWait. Telegram does not say whether a
 * 429 is for one chat or for the whole bot; this is how bots can tell: a 429 pauses the
 * chat that hit it; when every call sent since the latest accepted one (within
 * {@code window}) was refused, in two chats or more, the limit is the bot-wide one and
 * everything pauses. Calls are judged by when they were sent, since answers to calls
 * already in flight arrive in any order. Thread-safe.
 */
public final class ChatPauses {

    public enum Scope { CHAT, GLOBAL }

    private record Answer(Instant sentAt, Instant answeredAt, long chatId, boolean refused) {
    }

    private final Duration window;
    private final Map<Long, Instant> chats = new ConcurrentHashMap<>();
    private final Deque<Answer> recent = new ArrayDeque<>();
    private volatile Instant globalUntil = Instant.EPOCH;

    public ChatPauses(Duration window) {
        this.window = window;
    }

    /** Notes a call Telegram accepted. */
    public synchronized void accepted(long chatId, Instant sentAt, Instant answeredAt) {
        remember(new Answer(sentAt, answeredAt, chatId, false));
    }

    /** Records a 429 for {@code chatId} and returns the scope it paused. */
    public synchronized Scope floodWait(long chatId, Duration retryAfter, Instant sentAt, Instant answeredAt) {
        remember(new Answer(sentAt, answeredAt, chatId, true));
        Instant until = answeredAt.plus(retryAfter);
        chats.merge(chatId, until, (old, fresh) -> old.isAfter(fresh) ? old : fresh);
        Set<Long> refusedTogether = refusedSinceLastAccepted();
        if (refusedTogether.size() >= 2) {
            // the longest wait Telegram asked for in this burst holds for everything
            Instant longest = refusedTogether.stream().map(chats::get).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(until);
            if (longest.isAfter(globalUntil)) {
                globalUntil = longest;
            }
            return Scope.GLOBAL;
        }
        return Scope.CHAT;
    }

    /** The chats refused since the latest call Telegram accepted was sent. */
    private Set<Long> refusedSinceLastAccepted() {
        Instant lastAccepted = recent.stream().filter(answer -> !answer.refused()).map(Answer::sentAt)
                .max(Instant::compareTo).orElse(Instant.MIN);
        Set<Long> refusedChats = new HashSet<>();
        for (Answer answer : recent) {
            if (answer.refused() && answer.sentAt().isAfter(lastAccepted)) {
                refusedChats.add(answer.chatId());
            }
        }
        return refusedChats;
    }

    private void remember(Answer answer) {
        while (!recent.isEmpty() && recent.peekFirst().answeredAt().isBefore(answer.answeredAt().minus(window))) {
            recent.removeFirst();
        }
        recent.addLast(answer);
    }

    /** Until when everything waits (in the past when nothing does). */
    public Instant globalPauseUntil() {
        return globalUntil;
    }

    /** The chats paused now. */
    public Set<Long> pausedChats(Instant now) {
        chats.entrySet().removeIf(entry -> !entry.getValue().isAfter(now));
        return Set.copyOf(chats.keySet());
    }
}
