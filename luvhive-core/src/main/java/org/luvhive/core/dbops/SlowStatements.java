package org.luvhive.core.dbops;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.dbops.internal.SlowQueries;

/**
 * Reads the costliest statements: from {@code pg_stat_statements} when the server has it
 * loaded and the extension is in this database; otherwise says why not and how to enable
 * it, and reads the bots' own per-statement timings instead. Thread-safe.
 */
public final class SlowStatements {

    /** Bot timings not updated for this long belong to instances gone for good. */
    public static final Duration TIMINGS_KEPT = Duration.ofDays(1);

    private final Jdbi jdbi;

    public SlowStatements(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public SlowReport top(int top, Instant now) {
        return jdbi.withHandle(handle -> {
            Optional<String> missing = SlowQueries.whyNoPgStatStatements(handle);
            if (missing.isEmpty()) {
                return new SlowReport(SlowReport.Source.PG_STAT_STATEMENTS, SlowQueries.pgStatStatements(handle, top),
                        SlowQueries.pgStatStatementsSince(handle), Optional.empty());
            }
            return new SlowReport(SlowReport.Source.BOT_TIMINGS,
                    SlowQueries.botTimings(handle, now.minus(TIMINGS_KEPT), top), Optional.empty(),
                    Optional.of(missing.get() + ". To enable it: add pg_stat_statements to shared_preload_libraries "
                            + "(postgresql.conf; on a managed server its parameter group or flags), restart the server, "
                            + "then run CREATE EXTENSION pg_stat_statements; in this database as a role allowed to"));
        });
    }
}
