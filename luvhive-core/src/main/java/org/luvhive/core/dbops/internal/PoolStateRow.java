package org.luvhive.core.dbops.internal;

import java.time.Instant;

/** One row of {@code db_pool_state}; {@code fullSince} and {@code resetApplied} may be null. */
public record PoolStateRow(String instance, String applicationName, int active, int idle, int waiting, int maximum,
                           Instant fullSince, Instant resetApplied, Instant updatedAt) {
}
