package org.luvhive.core.chat;

import java.util.Optional;

/**
 * The outbox correlation of a relayed copy, {@code relay:<chat>:<sender>:<message>}, so the
 * delivery event can record which copy stands for which original. Immutable.
 */
public record RelayCorrelation(long chatId, long senderId, int sourceMessageId) {

    private static final String PREFIX = "relay:";

    public static String of(long chatId, long senderId, int sourceMessageId) {
        return PREFIX + chatId + ":" + senderId + ":" + sourceMessageId;
    }

    public static Optional<RelayCorrelation> parse(String correlation) {
        if (correlation == null || !correlation.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = correlation.substring(PREFIX.length()).split(":");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RelayCorrelation(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    Integer.parseInt(parts[2])));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }
}
