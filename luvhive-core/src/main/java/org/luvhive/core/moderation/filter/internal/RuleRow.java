package org.luvhive.core.moderation.filter.internal;

import java.time.Instant;
import java.util.List;
import org.luvhive.core.moderation.filter.Rule;
import org.luvhive.core.moderation.filter.RuleKind;
import org.luvhive.core.moderation.filter.Severity;

/** One row of {@code moderation_rules}. Immutable. */
public record RuleRow(String name, String kind, String severity, List<String> terms, Instant updatedAt,
                      String updatedBy) {

    public Rule toRule() {
        return new Rule(name, RuleKind.ofCode(kind).orElseThrow(() -> new IllegalStateException(
                "moderation rule " + name + " has an unknown kind: " + kind)),
                Severity.ofCode(severity).orElseThrow(() -> new IllegalStateException(
                        "moderation rule " + name + " has an unknown severity: " + severity)),
                terms);
    }
}
