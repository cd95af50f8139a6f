package org.luvhive.cli.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luvhive.cli.support.CliContext;
import org.luvhive.core.backup.BackupProgress;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.BackupSettings;
import org.luvhive.core.backup.Backups;
import org.luvhive.core.backup.DatabaseIdentity;
import org.luvhive.core.backup.DatabaseMatch;
import org.luvhive.core.backup.HumanFormat;

/** What the backup commands share: building {@link Backups} for a run, and how a set is shown. */
final class BackupCli {

    private BackupCli() {
    }

    /** Backups for this run; progress bars only on a terminal and never with {@code --json}. */
    static Backups backups(CliContext context, boolean json) {
        boolean terminal = System.console() != null && !json;
        BackupProgress progress = terminal ? new TerminalProgress() : BackupProgress.NONE;
        return new Backups(BackupSettings.of(context.config(), context.environment()), context.clock(), progress);
    }

    static Map<String, Object> asJson(BackupSet set, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", set.name());
        json.put("completed_at", set.completedAt().toString());
        json.put("age_seconds", Duration.between(set.completedAt(), now).toSeconds());
        json.put("size_bytes", set.sizeBytes());
        json.put("format", set.manifest().format());
        json.put("compression", set.manifest().compression());
        json.put("verification", set.verificationState().label());
        json.put("verified_at", set.manifest().verification().at() == null ? null
                : set.manifest().verification().at().toString());
        json.put("database", set.manifest().database());
        json.put("server", set.manifest().server());
        json.put("system_identifier", set.manifest().identity().map(DatabaseIdentity::systemIdentifier).orElse(null));
        json.put("database_oid", set.manifest().identity().map(DatabaseIdentity::oid).orElse(null));
        json.put("database_match", set.match().label());
        json.put("tables", set.manifest().tables().size());
        json.put("rows", set.manifest().totalRows());
        json.put("archive", set.archive().toString());
        json.put("manifest", set.manifestPath().toString());
        return json;
    }

    /**
     * Whose backup {@code set} is, when it is not by its recorded identity this database's:
     * {@code " (of another database: luvhive@db2:5432)"}, or empty.
     */
    static String belonging(DatabaseMatch match, String database) {
        return switch (match) {
            case SAME -> "";
            case IDENTITY_UNKNOWN -> " (identity unknown: matched by database name and server, " + database + ")";
            case FOREIGN -> " (of another database: " + database + ")";
        };
    }

    /**
     * As {@link #belonging}, when the configured database {@code configured} is missing (a
     * restore after a loss): matched against its identity as the last create saw it, so the
     * lost database's own backup says so instead of "another database".
     */
    static String belongingToMissing(DatabaseMatch match, String database, String configured) {
        String missing = "the configured database '" + configured + "', missing now";
        return switch (match) {
            case SAME -> " (of " + missing + ")";
            case IDENTITY_UNKNOWN -> " (of " + database + " by name and server; " + missing
                    + ", its identity not known here)";
            case FOREIGN -> " (of another database: " + database + "; " + missing + ")";
        };
    }

    /** One line naming the sets of other databases a command left out, or empty when there are none. */
    static Optional<String> otherDatabases(List<BackupSet> others, String leftOut) {
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("luvhive: " + others.size() + " set(s) of other databases " + leftOut + ", newest "
                + others.get(0).name() + " of " + others.get(0).manifest().databaseAndServer()
                + " (--all-databases considers them)");
    }

    static String summary(BackupSet set) {
        return set.name() + " (" + HumanFormat.bytes(set.sizeBytes()) + ", " + set.manifest().format() + ", "
                + set.manifest().compression() + ")";
    }
}
