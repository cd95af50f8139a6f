package org.luvhive.core.backup.internal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luvhive.core.backup.BackupCorruptException;
import org.luvhive.core.backup.BackupProgress;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.RestoreFailedException;
import org.luvhive.core.backup.TableCount;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.PoolSettings;

/**
 * Restores an archive into a new database on the live database's server: the target is
 * created from template0 with the live database's encoding and locale, pg_restore runs
 * without owners or privileges and stops at the first error, and the restored row counts
 * are compared with the manifest's. A target that fails any of this is dropped, so no
 * half-restored database is left behind. Never uses pg_restore's {@code --create}, which
 * would restore into the database name stored in the archive. Not thread-safe.
 */
public final class ArchiveRestorer {

    private final PgTools tools;
    private final Redactor redactor;
    private final BackupProgress progress;

    public ArchiveRestorer(PgTools tools, Redactor redactor, BackupProgress progress) {
        this.tools = tools;
        this.redactor = redactor;
        this.progress = progress;
    }

    /** Creates {@code target}, restores {@code set} into it and checks the row counts; returns rows restored. */
    public long restore(Database live, BackupSet set, String target, int jobs) {
        BackupDao server = live.jdbi().onDemand(BackupDao.class);
        BackupDao.DatabaseLocale locale = server.currentLocale();
        server.createDatabase(BackupDao.quote(target), BackupDao.literal(locale.encoding()),
                BackupDao.literal(locale.collate()), BackupDao.literal(locale.ctype()));
        DatabaseUrl targetUrl = live.url().withDatabase(target);
        boolean done = false;
        try {
            runPgRestore(set, targetUrl, jobs);
            long rows = compareRowCounts(set, targetUrl);
            done = true;
            return rows;
        } finally {
            if (!done) {
                server.dropDatabase(BackupDao.quote(target));
            }
        }
    }

    private void runPgRestore(BackupSet set, DatabaseUrl targetUrl, int jobs) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        set.manifest().tables().forEach(table -> bytes.put(table.table(), table.bytes()));
        TableProgress tableProgress = new TableProgress(progress, "pg_restore", bytes);
        List<String> command = new ArrayList<>(List.of(tools.pgRestore().toString(), "--no-owner", "--no-privileges",
                "--exit-on-error", "--verbose"));
        if (jobs > 1) {
            command.add("--jobs=" + jobs);
        }
        command.addAll(PgConnection.arguments(targetUrl));
        command.add(set.archive().toString());
        PgProcess.Result result = PgProcess.start(command, PgConnection.environment(targetUrl, "luvhive-restore"),
                redactor, tableProgress).await();
        tableProgress.finish();
        if (!result.succeeded()) {
            throw new RestoreFailedException("pg_restore of " + set.name() + " into " + targetUrl.database()
                    + " failed (the half-restored database was dropped): " + result.summary());
        }
    }

    private static long compareRowCounts(BackupSet set, DatabaseUrl targetUrl) {
        Map<String, Long> restored = new LinkedHashMap<>();
        try (Database target = Database.connect(targetUrl, PoolSettings.of(1, "luvhive-restore-check"),
                new SimpleMeterRegistry())) {
            BackupDao dao = target.jdbi().onDemand(BackupDao.class);
            for (BackupDao.UserTable table : dao.userTables()) {
                restored.put(table.name(), dao.countRows(table.quoted()));
            }
        }
        long rows = 0;
        for (TableCount expected : set.manifest().tables()) {
            Long actual = restored.remove(expected.table());
            if (actual == null || actual != expected.rows()) {
                throw new BackupCorruptException("table " + expected.table() + " restored with "
                        + (actual == null ? "no table" : actual + " rows") + ", the manifest says " + expected.rows(),
                        expected.table(), expected.rows() + " rows", actual == null ? "missing" : actual + " rows");
            }
            rows += actual;
        }
        if (!restored.isEmpty()) {
            String extra = restored.keySet().iterator().next();
            throw new BackupCorruptException("table " + extra + " was restored but is not in the manifest", extra,
                    "absent", "present");
        }
        return rows;
    }
}
