package org.luvhive.core.backup;

import java.util.Objects;
import java.util.Optional;
import org.luvhive.core.backup.internal.ConnectionBudget;
import org.luvhive.core.config.DatabaseNames;

/**
 * What to restore where.
 *
 * @param backup the backup's name; empty for the newest of {@code scope}
 * @param target the new database's name (lower-case letters, digits, underscores)
 * @param jobs   pg_restore's parallel jobs, 1 to 16 (lowered further to the server's free connections)
 * @param force  replace an existing target (never the live database)
 * @param scope  whose newest set to take when no name is given
 */
public record RestoreRequest(Optional<String> backup, String target, int jobs, boolean force, DatabaseScope scope) {

    public RestoreRequest {
        if (!DatabaseNames.isPlain(target)) {
            throw new IllegalArgumentException("target '" + target + "' is not a plain database name: " + DatabaseNames.RULE);
        }
        ConnectionBudget.requireValid(jobs);
        Objects.requireNonNull(scope, "scope");
    }
}
