package org.luvhive.core.backup;

import java.util.Objects;
import java.util.Optional;
import org.luvhive.core.backup.internal.ConnectionBudget;

/**
 * Which backup to verify, and with how many jobs a restore test may run. Immutable.
 *
 * @param backup the backup's name; empty for the newest of {@code scope}
 * @param jobs   pg_restore's parallel jobs for a restore test, 1 to 16 (lowered further to the
 *               server's free connections)
 * @param scope  whose newest set to take when no name is given
 */
public record VerifyRequest(Optional<String> backup, int jobs, DatabaseScope scope) {

    public VerifyRequest {
        ConnectionBudget.requireValid(jobs);
        Objects.requireNonNull(scope, "scope");
    }
}
