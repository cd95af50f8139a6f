package org.luvhive.core.backup.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.luvhive.core.FailureText;
import org.luvhive.core.backup.BackupFailedException;
import org.luvhive.core.backup.DatabaseIdentity;
import org.luvhive.core.db.DatabaseUnavailableException;
import org.luvhive.core.db.DedicatedConnections;

/**
 * The database session behind one pg_dump: a connection of its own holding a
 * repeatable-read, read-only transaction whose snapshot pg_dump is given
 * ({@code --snapshot}), and the row counts taken in that same snapshot, so that the
 * manifest's counts match the archive exactly. The snapshot lives as long as the
 * transaction: close this only after pg_dump has finished.
 *
 * <p>Plain JDBC on a dedicated connection, not the pool and Jdbi: the session must be one
 * connection for its whole life anyway, and not starting a pool and Jdbi lets pg_dump
 * start about 0.1 s sooner (see README, "Backups"). Not thread-safe.
 */
final class DumpSession implements AutoCloseable {

    /** The server's {@code server_version} text and its major version number. */
    record ServerVersion(String text, int major) {
    }

    private final Connection connection;
    private final Statement statement;

    private DumpSession(Connection connection, Statement statement) {
        this.connection = connection;
        this.statement = statement;
    }

    /** Connects (a {@link DatabaseUnavailableException} when it cannot). */
    static DumpSession open(DedicatedConnections database) {
        Connection connection = database.open();
        try {
            return new DumpSession(connection, connection.createStatement());
        } catch (SQLException | RuntimeException failure) {
            closeQuietly(connection);
            throw failed("cannot open the dump session", failure);
        }
    }

    ServerVersion serverVersion() {
        try (ResultSet row = statement.executeQuery(
                "select current_setting('server_version'), current_setting('server_version_num')::int")) {
            row.next();
            return new ServerVersion(row.getString(1), row.getInt(2) / 10000);
        } catch (SQLException failure) {
            throw failed("cannot read the server's version", failure);
        }
    }

    /**
     * Which database this session is on (for the manifest); empty, with a notice, when the
     * server does not tell (the set is then matched by database name and server).
     */
    Optional<DatabaseIdentity> identity(Consumer<String> notice) {
        try (ResultSet row = statement.executeQuery(BackupDao.IDENTITY)) {
            row.next();
            return Optional.of(new DatabaseIdentity(row.getString(1), row.getString(2), row.getLong(3)));
        } catch (SQLException failure) {
            notice.accept("cannot read the database's identity (" + FailureText.of(failure) + "): the manifest "
                    + "records none, and the set is matched by database name and server");
            return Optional.empty();
        }
    }

    /** {@code requested} parallel jobs, lowered to what the server's free connection slots allow ({@link ConnectionBudget}). */
    int clampJobs(int requested, Consumer<String> notice) {
        return ConnectionBudget.clampJobs(connection, requested, notice);
    }

    /**
     * Begins the transaction and exports its snapshot, which pg_dump then dumps exactly.
     * Counting uses one core: the other is pg_dump's (compression), which must not wait for us.
     */
    String beginAndExportSnapshot() {
        try {
            connection.setAutoCommit(false);
            statement.execute("set transaction isolation level repeatable read, read only");
            statement.execute("set local max_parallel_workers_per_gather = 0");
            // the first statement that takes a snapshot: pg_dump sees exactly this one
            try (ResultSet row = statement.executeQuery("select pg_export_snapshot()")) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException failure) {
            throw failed("cannot export a snapshot for pg_dump", failure);
        }
    }

    /** The tables to count, with their size on disk (for progress), in the snapshot. */
    List<BackupDao.UserTable> userTables() {
        try (ResultSet rows = statement.executeQuery(BackupDao.USER_TABLES)) {
            List<BackupDao.UserTable> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(new BackupDao.UserTable(rows.getString(1), rows.getString(2), rows.getLong(3)));
            }
            return tables;
        } catch (SQLException failure) {
            throw failed("cannot list the tables to count", failure);
        }
    }

    /** Rows of {@code table} in the snapshot; its name comes quoted by the server (quote_ident). */
    long countRows(BackupDao.UserTable table) {
        try (ResultSet row = statement.executeQuery("select count(*) from " + table.quoted())) {
            row.next();
            return row.getLong(1);
        } catch (SQLException failure) {
            throw failed("cannot count the rows of " + table.name(), failure);
        }
    }

    /** Ends the read-only transaction (nothing to keep) and the connection. */
    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // closing below ends the transaction anyway
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing was written in this session
        }
    }

    private static BackupFailedException failed(String what, Exception failure) {
        return new BackupFailedException(what + ": " + FailureText.of(failure), failure);
    }
}
