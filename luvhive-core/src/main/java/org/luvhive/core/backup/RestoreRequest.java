package org.luvhive.core.backup;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.luvhive.core.backup.internal.ConnectionBudget;

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

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public RestoreRequest {
        if (!NAME.matcher(target).matches()) {
            throw new IllegalArgumentException("target '" + target
                    + "' is not a plain database name (lower-case letters, digits and _, at most 63)");
        }
        ConnectionBudget.requireValid(jobs);
        Objects.requireNonNull(scope, "scope");
    }
}
