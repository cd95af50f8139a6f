package org.luvhive.core.chat;

import java.util.List;
import java.util.Optional;

/**
 * The outbox correlation of a relayed copy, {@code relay:<chat>:<sender>:<message>}, so the
 * delivery event can record which copy stands for which original; a relayed edit carries
 * {@code edit:<chat>:<sender>:<message>} (no delivery event reads it), so that both can be
 * found when their sender is forgotten. Immutable.
 */
public record RelayCorrelation(long chatId, long senderId, int sourceMessageId) {

    private static final String PREFIX = "relay:";
    private static final String EDIT_PREFIX = "edit:";

    public static String of(long chatId, long senderId, int sourceMessageId) {
        return PREFIX + chatId + ":" + senderId + ":" + sourceMessageId;
    }

    /** The correlation of a relayed edit of {@code sourceMessageId}. */
    public static String ofEdit(long chatId, long senderId, int sourceMessageId) {
        return EDIT_PREFIX + chatId + ":" + senderId + ":" + sourceMessageId;
    }

    /** SQL LIKE patterns matching the correlations of everything {@code senderId} relayed. */
    public static List<String> patternsOfSender(long senderId) {
        return List.of(PREFIX + "%:" + senderId + ":%", EDIT_PREFIX + "%:" + senderId + ":%");
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
