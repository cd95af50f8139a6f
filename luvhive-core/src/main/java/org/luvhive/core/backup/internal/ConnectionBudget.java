package org.luvhive.core.backup.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * How many parallel pg_dump/pg_restore jobs the server can take without locking the bot
 * out: each job is a connection (plus one for the leader), and a run that takes the last
 * slots makes every other client fail with "too many clients". {@code --jobs} above
 * {@link #MAX_JOBS} is a usage error; below it, jobs are clamped to the free slots
 * ({@code max_connections} minus the reserved ones minus the connections open now) less a
 * margin left for the bot and an operator. Stateless and thread-safe.
 */
public final class ConnectionBudget {

    /** The most --jobs accepted at all: beyond it parallel dump and restore stop getting faster. */
    public static final int MAX_JOBS = 16;

    /** Free slots left untouched, at least: for the bot's pool and an operator's psql. */
    static final int MIN_MARGIN = 5;

    private static final String FREE_SLOTS = "select current_setting('max_connections')::int"
            + " - current_setting('superuser_reserved_connections')::int"
            + " - coalesce(current_setting('reserved_connections', true)::int, 0)" // PostgreSQL 16+
            + " - (select count(*) from pg_stat_activity where backend_type = 'client backend')::int,"
            + " current_setting('max_connections')::int";

    private ConnectionBudget() {
    }

    /** Refuses {@code --jobs} outside 1..{@value #MAX_JOBS}, naming the option and the value. */
    public static void requireValid(int jobs) {
        if (jobs < 1 || jobs > MAX_JOBS) {
            throw new IllegalArgumentException("--jobs " + jobs + " is out of range: use 1 to " + MAX_JOBS
                    + " (each job is a database connection)");
        }
    }

    /**
     * The jobs to use for {@code requested}: never more than the server's free connection
     * slots less the margin and the leader's connection, never less than 1. When it clamps,
     * says so through {@code notice} (one line, for stderr).
     */
    public static int clampJobs(Connection connection, int requested, Consumer<String> notice) {
        Budget budget = budget(connection, requested);
        if (budget.jobs() < requested) {
            notice.accept("--jobs " + requested + " lowered to " + budget.jobs() + (budget.freeSlots() < 0
                    ? ": cannot read the server's free connection slots"
                    : ": the server has " + budget.freeSlots() + " free connection slot(s) and " + budget.margin()
                    + " are left for the bot and others"));
        }
        return budget.jobs();
    }

    /** As {@link #clampJobs(Connection, int, Consumer)}, silently. */
    public static int clampJobs(Connection connection, int requested) {
        return clampJobs(connection, requested, line -> { });
    }

    /** The computation itself; {@code connection} stays open and is only read. */
    public static Budget budget(Connection connection, int requested) {
        if (requested <= 1) {
            return new Budget(requested, Integer.MAX_VALUE, 0, Math.max(requested, 1));
        }
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(FREE_SLOTS)) {
            row.next();
            int free = row.getInt(1);
            int margin = Math.max(MIN_MARGIN, row.getInt(2) / 10);
            int allowed = Math.max(1, free - margin - 1); // - 1: the leader's own connection
            return new Budget(requested, free, margin, Math.min(requested, allowed));
        } catch (SQLException failure) {
            // cannot tell: one job is always safe (it is what a plain pg_dump/pg_restore uses)
            return new Budget(requested, -1, 0, 1);
        }
    }

    /**
     * What the server allows now.
     *
     * @param requested jobs asked for
     * @param freeSlots connection slots free for ordinary roles (-1 when unknown)
     * @param margin    slots left for others
     * @param jobs      jobs to use
     */
    public record Budget(int requested, int freeSlots, int margin, int jobs) {
    }
}
