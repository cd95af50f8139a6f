package org.luvhive.testkit.telegram.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.luvhive.testkit.telegram.EmulatorStats;
import org.luvhive.testkit.telegram.LoggedRequest;

/**
 * Counters and a bounded request log for one bot. Thread-safe (synchronized; recording
 * is cheap next to an HTTP round trip).
 */
public final class BotStats {
    private final int logCapacity;
    private final Map<String, Long> callsByMethod = new HashMap<>();
    private final Map<Integer, Long> errorsByCode = new HashMap<>();
    private final Map<Long, Long> deliveredByChat = new HashMap<>();
    private final Deque<LoggedRequest> log = new ArrayDeque<>();
    private long tooManyRequests;

    public BotStats(int logCapacity) {
        this.logCapacity = logCapacity;
    }

    public synchronized void record(Instant at, String method, Long chatId, int status, boolean delivered) {
        callsByMethod.merge(method, 1L, Long::sum);
        if (status != 200) {
            errorsByCode.merge(status, 1L, Long::sum);
        }
        if (status == 429) {
            tooManyRequests++;
        }
        if (delivered && chatId != null) {
            deliveredByChat.merge(chatId, 1L, Long::sum);
        }
        if (log.size() >= logCapacity) {
            log.removeFirst();
        }
        log.addLast(new LoggedRequest(at, method, chatId, status, delivered));
    }

    public synchronized EmulatorStats snapshot() {
        return new EmulatorStats(callsByMethod, errorsByCode, tooManyRequests, deliveredByChat);
    }

    public synchronized List<LoggedRequest> log() {
        return List.copyOf(new ArrayList<>(log));
    }

    public synchronized void reset() {
        callsByMethod.clear();
        errorsByCode.clear();
        deliveredByChat.clear();
        log.clear();
        tooManyRequests = 0;
    }
}
