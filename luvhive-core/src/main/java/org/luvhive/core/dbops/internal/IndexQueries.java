package org.luvhive.core.dbops.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.dbops.IndexReport.InvalidIndex;
import org.luvhive.core.dbops.IndexReport.SeqScannedTable;
import org.luvhive.core.dbops.IndexReport.UnusedIndex;

/** The statistics queries behind {@code luvhive db indexes}. */
public final class IndexQueries {

    private static final String TABLE = "case when %1$s.schemaname = 'public' then %1$s.relname "
            + "else %1$s.schemaname || '.' || %1$s.relname end";

    private IndexQueries() {
    }

    public static Optional<Instant> statsSince(Handle handle) {
        return handle.createQuery("select stats_reset from pg_stat_database where datname = current_database()")
                .mapTo(Instant.class).findOne();
    }

    public static List<SeqScannedTable> seqScanned(Handle handle, long minRowsPerScan, long minSeqScans) {
        return handle.createQuery("""
                        select %s as table_name, s.seq_scan, s.seq_tup_read / s.seq_scan as rows_per_scan,
                               coalesce(s.idx_scan, 0) as idx_scan, s.n_live_tup
                          from pg_stat_user_tables s
                         where s.seq_scan >= greatest(:minScans, 1) and s.seq_tup_read / s.seq_scan >= :minRows
                         order by s.seq_tup_read desc
                        """.formatted(TABLE.formatted("s")))
                .bind("minScans", minSeqScans)
                .bind("minRows", minRowsPerScan)
                .map((row, context) -> new SeqScannedTable(row.getString("table_name"), row.getLong("seq_scan"),
                        row.getLong("rows_per_scan"), row.getLong("idx_scan"), row.getLong("n_live_tup")))
                .list();
    }

    public static List<UnusedIndex> unused(Handle handle) {
        return handle.createQuery("""
                        select s.indexrelname as index_name, %s as table_name, pg_relation_size(s.indexrelid) as bytes
                          from pg_stat_user_indexes s join pg_index i on i.indexrelid = s.indexrelid
                         where s.idx_scan = 0 and not i.indisunique and not i.indisprimary and i.indisvalid
                           and not exists (select 1 from pg_constraint c where c.conindid = s.indexrelid)
                         order by bytes desc, index_name
                        """.formatted(TABLE.formatted("s")))
                .map((row, context) -> new UnusedIndex(row.getString("index_name"), row.getString("table_name"),
                        row.getLong("bytes")))
                .list();
    }

    public static List<InvalidIndex> invalid(Handle handle) {
        return handle.createQuery("""
                        select ic.relname as index_name, tc.relname as table_name, pg_relation_size(ic.oid) as bytes
                          from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class tc on tc.oid = i.indrelid
                          join pg_namespace n on n.oid = ic.relnamespace
                         where not i.indisvalid and n.nspname not in ('pg_catalog', 'information_schema')
                         order by index_name
                        """)
                .map((row, context) -> new InvalidIndex(row.getString("index_name"), row.getString("table_name"),
                        row.getLong("bytes")))
                .list();
    }
}
