package org.luvhive.drill.world;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;

/**
 * Somebody else's session on the bots' database, as a non-superuser role (so the runbook's
 * {@code db cancel}/{@code terminate} may stop it without {@code --force}): a report that
 * burns CPU, a script that took a lock and left its transaction open. Not thread-safe.
 */
public final class RogueSession implements AutoCloseable {

    private final Connection connection;
    private final int pid;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "drill-rogue-session");
        thread.setDaemon(true);
        return thread;
    });

    private RogueSession(Connection connection, int pid) {
        this.connection = connection;
        this.pid = pid;
    }

    /** Connects as {@code role} (created if missing, allowed to read and lock the bots' tables). */
    public static RogueSession connect(World world, String role, String applicationName) throws SQLException {
        Jdbi jdbi = world.jdbi();
        String[] target = jdbi.withHandle(handle -> {
            handle.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then "
                    + "create role " + role + " login; end if; end $$");
            handle.execute("grant all on all tables in schema public to " + role);
            return handle.createQuery("select inet_server_port() || ' ' || current_database()").mapTo(String.class).one()
                    .split(" ");
        });
        Properties properties = new Properties();
        properties.setProperty("user", role);
        properties.setProperty("ApplicationName", applicationName);
        Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + target[0] + "/" + target[1], properties);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
            rows.next();
            return new RogueSession(connection, rows.getInt(1));
        }
    }

    public int pid() {
        return pid;
    }

    /** Runs {@code sql} in the background; the future ends when it does (or fails when it is stopped). */
    public CompletableFuture<Void> start(String sql) {
        return CompletableFuture.runAsync(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException stopped) {
                throw new IllegalStateException(stopped.getMessage(), stopped);
            }
        }, runner);
    }

    /** Opens a transaction, runs {@code sql} in it and leaves it open: "idle in transaction". */
    public void leaveOpen(String sql) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
        try {
            connection.close();
        } catch (SQLException alreadyGone) {
            // terminated by the drill: nothing left to close
        }
    }
}
