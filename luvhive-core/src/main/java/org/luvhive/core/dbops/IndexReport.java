package org.luvhive.core.dbops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.dbops.internal.IndexQueries;

/**
 * Where indexes are missing, unused or broken ({@code luvhive db indexes}), from the
 * server's statistics since they were last reset. Immutable.
 *
 * @param statsSince  when this database's statistics were last reset, if ever
 * @param seqScanned  tables read by many sequential scans of many rows: a missing index, or a query to fix
 * @param unused      indexes never scanned that enforce nothing (not unique, not a primary key): they cost every write
 * @param invalid     indexes a failed {@code CREATE INDEX CONCURRENTLY} left behind: unused, yet maintained
 */
public record IndexReport(Optional<Instant> statsSince, List<SeqScannedTable> seqScanned, List<UnusedIndex> unused,
                          List<InvalidIndex> invalid) {

    public IndexReport {
        seqScanned = List.copyOf(seqScanned);
        unused = List.copyOf(unused);
        invalid = List.copyOf(invalid);
    }

    /**
     * @param table       the table
     * @param seqScans    sequential scans
     * @param rowsPerScan rows read per sequential scan, on average
     * @param indexScans  index scans
     * @param liveRows    its live rows now
     */
    public record SeqScannedTable(String table, long seqScans, long rowsPerScan, long indexScans, long liveRows) {
    }

    /** An index with no scan since the statistics began. */
    public record UnusedIndex(String index, String table, long bytes) {
    }

    /** An index marked invalid. */
    public record InvalidIndex(String index, String table, long bytes) {
    }

    /**
     * @param minRowsPerScan a table is listed when its sequential scans read at least this many rows each
     * @param minSeqScans    ... and it had at least this many of them
     */
    public static IndexReport read(Jdbi jdbi, long minRowsPerScan, long minSeqScans) {
        return jdbi.withHandle(handle -> new IndexReport(IndexQueries.statsSince(handle),
                IndexQueries.seqScanned(handle, minRowsPerScan, minSeqScans), IndexQueries.unused(handle),
                IndexQueries.invalid(handle)));
    }
}
