package org.luvhive.core.dbops.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.dbops.ConnectionsReport.IdleTransaction;
import org.luvhive.core.dbops.ConnectionsReport.ServerSlots;
import org.luvhive.core.dbops.ConnectionsReport.SessionGroup;
import org.luvhive.core.dbops.RunningQuery;

/**
 * The {@code pg_stat_activity} queries behind {@code luvhive db connections} and
 * {@code db queries}. A role without {@code pg_read_all_stats} sees other roles'
 * sessions without their state and query: those count as state {@value #HIDDEN}.
 */
public final class ActivityQueries {

    public static final String HIDDEN = "(not visible to this role)";
    private static final String CLIENT = "coalesce(host(client_addr), case when client_port = -1 then 'local socket' "
            + "else '' end)";

    private ActivityQueries() {
    }

    /** What {@code db connections} reads from the server, at one moment. */
    public record Activity(Instant at, ServerSlots slots, List<SessionGroup> groups, List<IdleTransaction> idle) {
    }

    public static Activity activity(Handle handle) {
        record Head(Instant at, ServerSlots slots) {
        }
        Head head = handle.createQuery("""
                        select now() as at, current_setting('max_connections')::int as max_connections,
                               current_setting('superuser_reserved_connections')::int as reserved,
                               (select count(*) from pg_stat_activity where backend_type = 'client backend') as used
                        """)
                .map((row, context) -> new Head(row.getTimestamp("at").toInstant(),
                        new ServerSlots(row.getInt("max_connections"), row.getInt("reserved"), row.getInt("used"))))
                .one();
        List<SessionGroup> groups = handle.createQuery("""
                        select coalesce(datname, '') as database, coalesce(application_name, '') as application,
                               coalesce(state, :hidden) as state, %s as client, count(*) as sessions
                          from pg_stat_activity where backend_type = 'client backend'
                         group by 1, 2, 3, 4 order by sessions desc, application, state, client
                        """.formatted(CLIENT))
                .bind("hidden", HIDDEN)
                .map((row, context) -> new SessionGroup(row.getString("database"), row.getString("application"),
                        row.getString("state"), row.getString("client"), row.getInt("sessions")))
                .list();
        List<IdleTransaction> idle = handle.createQuery("""
                        select pid, coalesce(datname, '') as database, coalesce(usename, '') as usename,
                               coalesce(application_name, '') as application, %s as client,
                               extract(epoch from now() - state_change) as idle_s,
                               extract(epoch from now() - xact_start) as xact_s, coalesce(query, '') as query
                          from pg_stat_activity
                         where state in ('idle in transaction', 'idle in transaction (aborted)')
                         order by state_change
                        """.formatted(CLIENT))
                .map((row, context) -> new IdleTransaction(row.getInt("pid"), row.getString("database"),
                        row.getString("usename"), row.getString("application"), row.getString("client"),
                        seconds(row, "idle_s").orElse(Duration.ZERO), seconds(row, "xact_s").orElse(Duration.ZERO),
                        row.getString("query")))
                .list();
        return new Activity(head.at(), head.slots(), groups, idle);
    }

    /** Client sessions doing something (not idle), this one left out, the longest-running first. */
    public static List<RunningQuery> running(Handle handle) {
        return handle.createQuery("""
                        select pid, coalesce(datname, '') as database, coalesce(usename, '') as usename,
                               coalesce(application_name, '') as application, %s as client, state,
                               wait_event_type, wait_event,
                               case when state = 'active' then extract(epoch from now() - query_start) end as running_s,
                               extract(epoch from now() - xact_start) as xact_s,
                               pg_blocking_pids(pid) as blocked_by, coalesce(query, '') as query
                          from pg_stat_activity
                         where backend_type = 'client backend' and state is not null and state <> 'idle'
                           and pid <> pg_backend_pid()
                         order by coalesce(xact_start, query_start), pid
                        """.formatted(CLIENT))
                .map((row, context) -> new RunningQuery(row.getInt("pid"), row.getString("database"),
                        row.getString("usename"), row.getString("application"), row.getString("client"),
                        row.getString("state"), Optional.ofNullable(row.getString("wait_event_type")),
                        Optional.ofNullable(row.getString("wait_event")), seconds(row, "running_s"),
                        seconds(row, "xact_s"), pids(row.getArray("blocked_by")), row.getString("query")))
                .list();
    }

    private static Optional<Duration> seconds(ResultSet row, String column) throws SQLException {
        double seconds = row.getDouble(column);
        if (row.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.max(0, Math.round(seconds * 1000))));
    }

    private static List<Integer> pids(Array array) throws SQLException {
        List<Integer> pids = new ArrayList<>();
        if (array != null) {
            for (Object pid : (Object[]) array.getArray()) {
                pids.add(((Number) pid).intValue());
            }
        }
        return pids;
    }
}
