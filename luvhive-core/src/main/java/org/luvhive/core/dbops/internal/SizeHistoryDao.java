package org.luvhive.core.dbops.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.luvhive.core.dbops.SizeSample;

/** Rows of {@code db_size_history} and {@code db_table_size_history}. */
@RegisterConstructorMapper(SizeSample.class)
public interface SizeHistoryDao {

    @SqlUpdate("""
            insert into db_size_history (day, database_bytes, sampled_at) values (:day, :bytes, :sampledAt)
            on conflict (day) do nothing
            """)
    int insertDay(@Bind("day") LocalDate day, @Bind("bytes") long bytes, @Bind("sampledAt") Instant sampledAt);

    @SqlBatch("insert into db_table_size_history (day, table_name, total_bytes, live_rows) "
            + "values (:day, :table, :bytes, :rows)")
    void insertTables(@Bind("day") LocalDate day, @Bind("table") List<String> tables, @Bind("bytes") List<Long> bytes,
                      @Bind("rows") List<Long> rows);

    @SqlQuery("select exists (select 1 from db_size_history where day = :day)")
    boolean sampled(@Bind("day") LocalDate day);

    @SqlQuery("select day, database_bytes as bytes, sampled_at from db_size_history where day >= :from order by day")
    List<SizeSample> since(@Bind("from") LocalDate from);

    @SqlQuery("select table_name, total_bytes from db_table_size_history where day = :day")
    @RegisterConstructorMapper(TableBytes.class)
    List<TableBytes> tablesOn(@Bind("day") LocalDate day);

    @SqlUpdate("delete from db_size_history where day < :before")
    int deleteBefore(@Bind("before") LocalDate before);

    /** One table's total size on a day. */
    record TableBytes(String tableName, long totalBytes) {
    }
}
