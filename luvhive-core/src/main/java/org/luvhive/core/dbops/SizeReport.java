package org.luvhive.core.dbops;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.dbops.internal.SizeQueries;

/**
 * The database's size now ({@code luvhive db size}): the whole database on disk and each
 * table (heap, indexes, TOAST, live and dead rows, last vacuum and analyze), the biggest
 * first. Immutable.
 *
 * @param at            when it was read (the server's clock)
 * @param database      the database's name
 * @param databaseBytes its size on disk
 * @param tables        its tables, by total size
 */
public record SizeReport(Instant at, String database, long databaseBytes, List<TableSize> tables) {

    public SizeReport {
        tables = List.copyOf(tables);
    }

    public static SizeReport read(Jdbi jdbi) {
        return jdbi.withHandle(SizeQueries::report);
    }
}
