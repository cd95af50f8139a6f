package org.luvhive.core.ops.doctor;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.luvhive.core.backup.BackupProgress;
import org.luvhive.core.backup.BackupSettings;
import org.luvhive.core.backup.Backups;
import org.luvhive.core.backup.CheckResult;
import org.luvhive.core.backup.CheckThresholds;
import org.luvhive.core.backup.DatabaseScope;
import org.luvhive.core.backup.HumanFormat;
import org.luvhive.core.backup.PgToolsMissingException;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.Database;

/** The doctor's backup checks: the newest backup's age and state, room for the next one, pg_dump. */
final class BackupChecks {

    /** Room for this many more dumps of the newest one's size is comfortable; less is a warning. */
    static final int COMFORTABLE_DUMPS = 3;
    /** With no backup yet to size the next by, less free space than this fails. */
    static final long MINIMUM_FREE = 100L * 1024 * 1024;

    private final DoctorInputs inputs;
    private final Path directory;
    private final Backups backups;

    BackupChecks(DoctorInputs inputs, LuvhiveConfig config) {
        this.inputs = inputs;
        BackupSettings settings = BackupSettings.of(config, inputs.environment());
        this.directory = settings.backupDirectory();
        this.backups = new Backups(settings, inputs.clock(), BackupProgress.NONE);
    }

    /** As {@code luvhive backup check} with its defaults: WARNING is WARN, CRITICAL and UNKNOWN are FAIL. */
    void age(List<Finding> findings) {
        CheckResult result;
        try {
            result = backups.check(CheckThresholds.defaults(), DatabaseScope.THIS_DATABASE);
        } catch (RuntimeException unreadable) {
            findings.add(Finding.fail("backup age", "cannot read " + directory + ": " + unreadable.getMessage(),
                    RunbookSection.BACKUP_FAILURE));
            return;
        }
        findings.add(switch (result.status()) {
            case OK -> Finding.ok("backup age", result.line());
            case WARNING -> Finding.warn("backup age", result.line(), RunbookSection.BACKUP_FAILURE);
            default -> Finding.fail("backup age", result.line(), RunbookSection.BACKUP_FAILURE);
        });
    }

    /** Free space where the next backup goes, against the newest backup's size; a directory that cannot be written. */
    void disk(List<Finding> findings) {
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            findings.add(Finding.fail("backup disk", "no part of " + directory + " exists",
                    RunbookSection.BACKUP_FAILURE));
            return;
        }
        if (!Files.isDirectory(existing)) {
            findings.add(Finding.fail("backup disk", existing + " is not a directory: the next backup fails",
                    RunbookSection.BACKUP_FAILURE));
            return;
        }
        if (!Files.isWritable(existing)) {
            findings.add(Finding.fail("backup disk", existing + " is not writable by this user: the next backup"
                    + " fails", RunbookSection.BACKUP_FAILURE));
            return;
        }
        long free;
        try {
            FileStore store = Files.getFileStore(existing);
            free = store.getUsableSpace();
        } catch (IOException unreadable) {
            findings.add(Finding.fail("backup disk", "cannot read the free space of " + existing + ": "
                    + unreadable.getMessage(), RunbookSection.BACKUP_FAILURE));
            return;
        }
        Optional<Long> newest = newestSize();
        String detail = HumanFormat.bytes(free) + " free in " + directory
                + newest.map(size -> ", the newest backup is " + HumanFormat.bytes(size)).orElse(", no backup yet");
        long needed = newest.orElse(0L);
        if (free < Math.max(MINIMUM_FREE, needed + needed / 2)) {
            findings.add(Finding.fail("backup disk", detail + ": the next backup may not fit",
                    RunbookSection.BACKUP_FAILURE));
        } else if (newest.isPresent() && free < COMFORTABLE_DUMPS * needed) {
            findings.add(Finding.warn("backup disk", detail + ": room for fewer than " + COMFORTABLE_DUMPS
                    + " more", RunbookSection.BACKUP_FAILURE));
        } else {
            findings.add(Finding.ok("backup disk", detail));
        }
    }

    private Optional<Long> newestSize() {
        try {
            return Optional.of(backups.catalog().latest(DatabaseScope.THIS_DATABASE).sizeBytes());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The pg_dump a backup would run, against the server's major version. */
    void pgDump(Optional<Database> database, List<Finding> findings) {
        if (database.isEmpty()) {
            findings.add(Finding.skip("pg_dump", "the database is unreachable (its version decides which pg_dump)"));
            return;
        }
        int major = database.get().jdbi().withHandle(handle -> handle.createQuery(
                "select current_setting('server_version_num')::int / 10000").mapTo(Integer.class).one());
        try {
            findings.add(Finding.ok("pg_dump", backups.pgDumpFor(major) + " for PostgreSQL " + major));
        } catch (PgToolsMissingException missing) {
            findings.add(Finding.fail("pg_dump", missing.getMessage(), RunbookSection.BACKUP_FAILURE));
        }
    }
}
