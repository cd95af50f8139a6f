package org.luvhive.core.ops.alerts.internal;

import java.time.Instant;

/** One row of {@code alert_state}, as stored. */
public record AlertStateRow(String instance, String alert, Double value, double threshold, String state, Instant since,
                            Instant updatedAt) {
}
