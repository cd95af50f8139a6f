package org.luvhive.core.dbops;

import java.time.Instant;
import java.util.Optional;

/**
 * One table's size and upkeep.
 *
 * @param table           its name ({@code schema.name} outside {@code public})
 * @param heapBytes       the rows themselves (main fork)
 * @param indexBytes      its indexes
 * @param toastBytes      its TOAST table (long values stored apart), with TOAST's index
 * @param totalBytes      everything, free space and visibility maps included
 * @param liveRows        estimated live rows
 * @param deadRows        dead rows waiting for vacuum
 * @param lastVacuum      the latest manual or automatic vacuum
 * @param lastAnalyze     the latest manual or automatic analyze
 */
public record TableSize(String table, long heapBytes, long indexBytes, long toastBytes, long totalBytes,
                        long liveRows, long deadRows, Optional<Instant> lastVacuum, Optional<Instant> lastAnalyze) {
}
