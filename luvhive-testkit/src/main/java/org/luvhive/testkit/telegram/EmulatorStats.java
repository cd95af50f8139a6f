package org.luvhive.testkit.telegram;

import java.util.Map;

/**
 * Counters of one bot since it was registered or its stats were last reset. Immutable snapshot.
 *
 * @param callsByMethod      calls per method (canonical spelling), failed ones included
 * @param errorsByCode       error responses per error_code
 * @param tooManyRequests    429 responses, from the limits and from injected faults
 * @param deliveredByChat    messages the bot put into each chat
 */
public record EmulatorStats(Map<String, Long> callsByMethod, Map<Integer, Long> errorsByCode, long tooManyRequests,
                            Map<Long, Long> deliveredByChat) {

    public EmulatorStats {
        callsByMethod = Map.copyOf(callsByMethod);
        errorsByCode = Map.copyOf(errorsByCode);
        deliveredByChat = Map.copyOf(deliveredByChat);
    }

    public long calls(String method) {
        return callsByMethod.getOrDefault(method, 0L);
    }

    public long delivered(long chatId) {
        return deliveredByChat.getOrDefault(chatId, 0L);
    }

    public long totalDelivered() {
        return deliveredByChat.values().stream().mapToLong(Long::longValue).sum();
    }
}
