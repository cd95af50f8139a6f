package org.luvhive.core.backup.internal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * half-restored database is left behind (on a stop too, through the {@link RunGuard}).
 * An existing database is replaced only after the restore into a temporary name has
 * passed: it is dropped and the new one renamed into place. Never uses pg_restore's
 * {@code --create}, which would restore into the database name stored in the archive.
 * Not thread-safe.
 */
public final class ArchiveRestorer {

    /** SQLSTATE insufficient_privilege. */
    private static final String PERMISSION_DENIED = "42501";

    private final PgTools tools;
    private final Redactor redactor;
    private final BackupProgress progress;
    private final RunGuard guard;

    public ArchiveRestorer(PgTools tools, Redactor redactor, BackupProgress progress, RunGuard guard) {
        this.tools = tools;
        this.redactor = redactor;
        this.progress = progress;
        this.guard = guard;
    }

    /**
     * Restores {@code set} as {@code target}; with {@code replace}, into a temporary
     * database first, then swapped for the existing {@code target}. Returns rows restored.
     */
    public long restoreAs(Database live, BackupSet set, String target, boolean replace, int jobs, Instant now) {
        if (!replace) {
            return restore(live, set, target, jobs);
        }
        String temporary = ScratchDatabases.newName(ScratchDatabases.RESTORE_PREFIX, now);
        String untouched = "; database " + target + " is left as it was";
        long rows;
        try {
            rows = restore(live, set, temporary, jobs);
        } catch (BackupCorruptException corrupt) {
            throw new BackupCorruptException(corrupt.getMessage() + untouched, corrupt.file(), corrupt.expected(),
                    corrupt.actual());
        } catch (RestoreFailedException failed) {
            throw new RestoreFailedException(failed.getMessage() + untouched, failed);
        }
        BackupDao server = live.jdbi().onDemand(BackupDao.class);
        try {
            server.dropDatabase(BackupDao.quote(target));
        } catch (RuntimeException refused) {
            dropAfterFailure(server, temporary);
            throw new RestoreFailedException("cannot drop database " + target + " to replace it: "
                    + serverReason(refused) + "; it is left as it was, and the restored copy was dropped", refused);
        }
        try {
            server.renameDatabase(BackupDao.quote(temporary), BackupDao.quote(target));
        } catch (RuntimeException refused) {
            throw new RestoreFailedException("restored " + set.name() + " into " + temporary + " and dropped the old "
                    + target + ", but cannot rename " + temporary + " to " + target + ": " + serverReason(refused)
                    + "; rename it by hand (ALTER DATABASE ... RENAME TO)", refused);
        }
        return rows;
    }

    /** Creates {@code target}, restores {@code set} into it and checks the row counts; returns rows restored. */
    public long restore(Database live, BackupSet set, String target, int jobs) {
        create(live.jdbi().onDemand(BackupDao.class), target);
        return restoreCreated(live, set, target, jobs);
    }

    /** As {@link #restore}, into {@code target} that {@link #create} made; drops it unless the restore passes. */
    public long restoreCreated(Database live, BackupSet set, String target, int jobs) {
        BackupDao server = live.jdbi().onDemand(BackupDao.class);
        AtomicBoolean done = new AtomicBoolean();
        guard.onStop(() -> {
            if (!done.get()) { // a stop after the restore passed keeps it
                ScratchDatabases.dropOnOwnConnection(live, target);
            }
        });
        DatabaseUrl targetUrl = live.url().withDatabase(target);
        try {
            runPgRestore(set, targetUrl, jobs);
            long rows = compareRowCounts(set, targetUrl);
            done.set(true);
            return rows;
        } finally {
            if (!done.get() && !guard.stopping()) {
                dropAfterFailure(server, target);
            }
        }
    }

    /** Creates an empty {@code name} like the live database; a refusal becomes one line naming the cause. */
    public static void create(BackupDao server, String name) {
        BackupDao.DatabaseLocale locale = server.currentLocale();
        try {
            server.createDatabase(BackupDao.quote(name), BackupDao.literal(locale.encoding()),
                    BackupDao.literal(locale.collate()), BackupDao.literal(locale.ctype()));
        } catch (RuntimeException refused) {
            SQLException cause = sqlCause(refused);
            if (cause != null && PERMISSION_DENIED.equals(cause.getSQLState())) {
                throw new RestoreFailedException("role " + server.currentUser()
                        + " may not create databases (needs CREATEDB): cannot create " + name, refused);
            }
            throw new RestoreFailedException("cannot create database " + name + ": " + serverReason(refused), refused);
        }
    }

    /** The server's own words for a failed statement, one line, without the SQL Jdbi adds. */
    public static String serverReason(RuntimeException failure) {
        SQLException cause = sqlCause(failure);
        String text = cause != null && cause.getMessage() != null ? cause.getMessage() : String.valueOf(failure.getMessage());
        String line = text.lines().findFirst().orElse("").strip();
        return line.startsWith("ERROR:") ? line.substring("ERROR:".length()).strip() : line;
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static void dropAfterFailure(BackupDao server, String name) {
        try {
            server.dropDatabase(BackupDao.quote(name));
        } catch (RuntimeException ignored) {
            // the failure that got us here is the one to report; a later verify drops what is left
        }
    }

    private void runPgRestore(BackupSet set, DatabaseUrl targetUrl, int jobs) {
        TableProgress tableProgress = new TableProgress(progress, "pg_restore", set.manifest().tableBytes());
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
