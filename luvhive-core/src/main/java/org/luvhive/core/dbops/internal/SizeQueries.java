package org.luvhive.core.dbops.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.dbops.SizeReport;
import org.luvhive.core.dbops.TableSize;

/** The catalog queries behind {@link SizeReport}. */
public final class SizeQueries {

    private SizeQueries() {
    }

    public static SizeReport report(Handle handle) {
        record Database(Instant at, String name, long bytes) {
        }
        Database database = handle.createQuery(
                        "select now() as at, current_database() as name, pg_database_size(current_database()) as bytes")
                .map((row, context) -> new Database(row.getTimestamp("at").toInstant(), row.getString("name"),
                        row.getLong("bytes")))
                .one();
        List<TableSize> tables = handle.createQuery("""
                        select case when s.schemaname = 'public' then s.relname
                                    else s.schemaname || '.' || s.relname end as table_name,
                               pg_relation_size(s.relid) as heap, pg_indexes_size(s.relid) as indexes,
                               coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) as toast,
                               pg_total_relation_size(s.relid) as total, s.n_live_tup, s.n_dead_tup,
                               greatest(s.last_vacuum, s.last_autovacuum) as vacuumed,
                               greatest(s.last_analyze, s.last_autoanalyze) as analyzed
                          from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                         order by total desc, table_name
                        """)
                .map((row, context) -> table(row))
                .list();
        return new SizeReport(database.at(), database.name(), database.bytes(), tables);
    }

    private static TableSize table(ResultSet row) throws SQLException {
        return new TableSize(row.getString("table_name"), row.getLong("heap"), row.getLong("indexes"),
                row.getLong("toast"), row.getLong("total"), row.getLong("n_live_tup"), row.getLong("n_dead_tup"),
                instant(row.getTimestamp("vacuumed")), instant(row.getTimestamp("analyzed")));
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }
}
