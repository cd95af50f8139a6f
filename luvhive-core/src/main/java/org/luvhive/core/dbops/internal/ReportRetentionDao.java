package org.luvhive.core.dbops.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What {@code luvhive db cleanup} removes of the dbops tables, counted and deleted by the same rules. */
public interface ReportRetentionDao {

    @SqlQuery("select count(*) from db_pool_state where updated_at < :before")
    long countPoolStates(@Bind("before") Instant before);

    @SqlUpdate("delete from db_pool_state where instance in (select instance from db_pool_state "
            + "where updated_at < :before limit :batch)")
    int deletePoolStates(@Bind("before") Instant before, @Bind("batch") int batch);

    @SqlQuery("select count(*) from db_statement_timings where updated_at < :before")
    long countTimings(@Bind("before") Instant before);

    @SqlUpdate("delete from db_statement_timings where (instance, statement) in (select instance, statement "
            + "from db_statement_timings where updated_at < :before limit :batch)")
    int deleteTimings(@Bind("before") Instant before, @Bind("batch") int batch);

    @SqlQuery("select count(*) from db_size_history where day < :before")
    long countSizeDays(@Bind("before") LocalDate before);

    @SqlUpdate("delete from db_size_history where day in (select day from db_size_history where day < :before "
            + "limit :batch)")
    int deleteSizeDays(@Bind("before") LocalDate before, @Bind("batch") int batch);
}
