package org.luvhive.core.dbops.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code db_statement_timings}. */
@RegisterConstructorMapper(StatementTimingRow.class)
public interface StatementTimingsDao {

    @SqlBatch("""
            insert into db_statement_timings (instance, statement, calls, errors, total_ms, max_ms, updated_at)
            values (:instance, :statement, :calls, :errors, :totalMs, :maxMs, :updatedAt)
            on conflict (instance, statement) do update
               set calls = excluded.calls, errors = excluded.errors, total_ms = excluded.total_ms,
                   max_ms = excluded.max_ms, updated_at = excluded.updated_at
            """)
    void upsert(@Bind("instance") String instance, @Bind("statement") List<String> statements,
                @Bind("calls") List<Long> calls, @Bind("errors") List<Long> errors,
                @Bind("totalMs") List<Double> totalMs, @Bind("maxMs") List<Double> maxMs,
                @Bind("updatedAt") Instant updatedAt);

    /** Summed over the instances that reported since {@code since}, the most total time first. */
    @SqlQuery("""
            select statement, sum(calls) as calls, sum(errors) as errors, sum(total_ms) as total_ms,
                   max(max_ms) as max_ms, count(*) as instances
              from db_statement_timings where updated_at >= :since
             group by statement order by sum(total_ms) desc limit :top
            """)
    List<StatementTimingRow> top(@Bind("since") Instant since, @Bind("top") int top);

    @SqlUpdate("delete from db_statement_timings where updated_at < :before")
    int deleteIdleSince(@Bind("before") Instant before);

}
