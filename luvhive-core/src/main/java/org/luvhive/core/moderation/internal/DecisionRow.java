package org.luvhive.core.moderation.internal;

import java.time.Instant;
import java.util.List;

/** One row of {@code moderation_decisions}. Immutable. */
public record DecisionRow(long id, long userId, Long chatId, String action, List<String> rules, List<String> kinds,
                          String level, boolean strike, Instant until, String excerpt, Long decidedBy, Long caseId,
                          Instant at) {

    public DecisionRow {
        rules = List.copyOf(rules);
        kinds = List.copyOf(kinds);
    }
}
