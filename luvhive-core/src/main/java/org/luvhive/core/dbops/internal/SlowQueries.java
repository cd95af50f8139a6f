package org.luvhive.core.dbops.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.luvhive.core.dbops.SlowStatement;

/** The queries behind {@code luvhive db slow}. */
public final class SlowQueries {

    private SlowQueries() {
    }

    /** Empty when pg_stat_statements answers in this database, else why it does not. */
    public static Optional<String> whyNoPgStatStatements(Handle handle) {
        Optional<String> schema = extensionSchema(handle);
        if (schema.isEmpty()) {
            boolean available = handle.createQuery(
                            "select exists (select 1 from pg_available_extensions where name = 'pg_stat_statements')")
                    .mapTo(Boolean.class).one();
            return Optional.of(available ? "pg_stat_statements is not installed in this database"
                    : "this server has no pg_stat_statements (not among its available extensions)");
        }
        try {
            handle.createQuery("select 1 from " + schema.get() + ".pg_stat_statements limit 1").mapTo(Integer.class)
                    .findOne();
            return Optional.empty();
        } catch (UnableToExecuteStatementException failure) {
            String message = failure.getCause() instanceof SQLException sql ? sql.getMessage() : failure.getMessage();
            return Optional.of("pg_stat_statements does not answer: " + message.lines().findFirst().orElse(""));
        }
    }

    private static Optional<String> extensionSchema(Handle handle) {
        return handle.createQuery("""
                        select quote_ident(n.nspname) from pg_extension e join pg_namespace n on n.oid = e.extnamespace
                         where e.extname = 'pg_stat_statements'
                        """)
                .mapTo(String.class).findOne();
    }

    public static List<SlowStatement> pgStatStatements(Handle handle, int top) {
        String schema = extensionSchema(handle).orElseThrow();
        return handle.createQuery("""
                        select coalesce(query, '') as query, calls, total_exec_time, mean_exec_time, max_exec_time, rows
                          from %s.pg_stat_statements
                         where dbid = (select oid from pg_database where datname = current_database())
                         order by total_exec_time desc limit :top
                        """.formatted(schema))
                .bind("top", top)
                .map((row, context) -> new SlowStatement(row.getString("query"), row.getLong("calls"),
                        row.getDouble("total_exec_time"), row.getDouble("mean_exec_time"),
                        row.getDouble("max_exec_time"), row.getLong("rows")))
                .list();
    }

    /** When pg_stat_statements was last reset (PostgreSQL 14 and later), if the server says. */
    public static Optional<Instant> pgStatStatementsSince(Handle handle) {
        String schema = extensionSchema(handle).orElseThrow();
        boolean hasInfo = handle.createQuery("select to_regclass(:view) is not null")
                .bind("view", schema + ".pg_stat_statements_info").mapTo(Boolean.class).one();
        if (!hasInfo) {
            return Optional.empty();
        }
        return handle.createQuery("select stats_reset from " + schema + ".pg_stat_statements_info")
                .mapTo(Instant.class).findOne();
    }

    public static List<SlowStatement> botTimings(Handle handle, Instant since, int top) {
        return handle.attach(StatementTimingsDao.class).top(since, top).stream()
                .map(row -> new SlowStatement(row.statement(), row.calls(), row.totalMs(),
                        row.calls() == 0 ? 0 : row.totalMs() / row.calls(), row.maxMs(), -1))
                .toList();
    }
}
