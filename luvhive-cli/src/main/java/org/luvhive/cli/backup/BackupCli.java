package org.luvhive.cli.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.luvhive.cli.support.CliContext;
import org.luvhive.core.backup.BackupProgress;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.BackupSettings;
import org.luvhive.core.backup.Backups;
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
        json.put("tables", set.manifest().tables().size());
        json.put("rows", set.manifest().totalRows());
        json.put("archive", set.archive().toString());
        json.put("manifest", set.manifestPath().toString());
        return json;
    }

    static String summary(BackupSet set) {
        return set.name() + " (" + HumanFormat.bytes(set.sizeBytes()) + ", " + set.manifest().format() + ", "
                + set.manifest().compression() + ")";
    }
}
