package org.luvhive.core.delivery.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chats the dispatcher knows it cannot send to before a given time (out of tokens,
 * waiting on an earlier message): they are left out of the next queries instead of
 * being fetched and refused again. Used by the dispatcher thread only.
 */
final class ChatWaits {

    private final Map<Long, Instant> until = new HashMap<>();

    void waitUntil(long chatId, Instant time) {
        until.merge(chatId, time, (old, fresh) -> old.isAfter(fresh) ? old : fresh);
    }

    /** The chats still waiting, forgetting those whose time has come. */
    Set<Long> waiting(Instant now) {
        until.values().removeIf(time -> !time.isAfter(now));
        return until.keySet();
    }

    Optional<Instant> earliest() {
        return until.values().stream().min(Instant::compareTo);
    }

    void clear() {
        until.clear();
    }
}
