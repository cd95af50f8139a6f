package org.luvhive.core.dbops.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.dbops.SessionTarget;

/** The {@code pg_stat_activity} lookups behind cancelling and terminating a session. */
public final class SessionQueries {

    private static final Duration POLL = Duration.ofMillis(50);

    private SessionQueries() {
    }

    public static Optional<SessionTarget> target(Handle handle, int pid) {
        return handle.createQuery("""
                        select a.pid, coalesce(a.datname, '') as database, coalesce(a.usename, '') as usename,
                               coalesce(a.application_name, '') as application, coalesce(a.backend_type, '') as backend_type, a.state,
                               coalesce(r.rolsuper, false) as superuser,
                               case when a.state = 'active' then extract(epoch from now() - a.query_start) end as running_s,
                               coalesce(a.query, '') as query
                          from pg_stat_activity a left join pg_roles r on r.oid = a.usesysid
                         where a.pid = :pid
                        """)
                .bind("pid", pid)
                .map((row, context) -> target(row))
                .findOne();
    }

    private static SessionTarget target(ResultSet row) throws SQLException {
        double running = row.getDouble("running_s");
        Optional<Duration> runningFor = row.wasNull() ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.round(running * 1000)));
        return new SessionTarget(row.getInt("pid"), row.getString("database"), row.getString("usename"),
                row.getString("application"), row.getString("backend_type"), Optional.ofNullable(row.getString("state")),
                row.getBoolean("superuser"), runningFor, row.getString("query"));
    }

    public static int ownPid(Handle handle) {
        return handle.createQuery("select pg_backend_pid()").mapTo(Integer.class).one();
    }

    public static String currentDatabase(Handle handle) {
        return handle.createQuery("select current_database()").mapTo(String.class).one();
    }

    /**
     * Waits up to {@code wait} for the statement {@code pid} started at {@code started} to be
     * over (the session gone, idle, or on another statement); returns whether it is.
     */
    public static boolean awaitStatementEnd(Handle handle, int pid, Optional<Instant> started, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<StatementState> now = handle.createQuery(
                            "select state, query_start from pg_stat_activity where pid = :pid")
                    .bind("pid", pid)
                    .map((row, context) -> new StatementState(row.getString("state"),
                            Optional.ofNullable(row.getTimestamp("query_start")).map(Timestamp::toInstant)))
                    .findOne();
            if (now.isEmpty() || !"active".equals(now.get().state()) || !now.get().queryStart().equals(started)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** When the statement {@code pid} runs now started. */
    public static Optional<Instant> queryStart(Handle handle, int pid) {
        return handle.createQuery("select query_start from pg_stat_activity where pid = :pid")
                .bind("pid", pid)
                .map((row, context) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant))
                .findOne().flatMap(start -> start);
    }

    private record StatementState(String state, Optional<Instant> queryStart) {
    }
}
