package org.luvhive.core.dbops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The statements that cost the most time ({@code luvhive db slow}), from where they
 * could be read.
 *
 * @param source     where the figures come from
 * @param statements the costliest first
 * @param since      when the figures began (pg_stat_statements' last reset), if known
 * @param missing    why pg_stat_statements could not be used and how to enable it, when it could not
 */
public record SlowReport(Source source, List<SlowStatement> statements, Optional<Instant> since,
                         Optional<String> missing) {

    public SlowReport {
        statements = List.copyOf(statements);
    }

    /** Where the figures of a {@link SlowReport} come from. */
    public enum Source {
        /** The server's pg_stat_statements: every statement of every client on this database. */
        PG_STAT_STATEMENTS("pg_stat_statements"),
        /** The running bots' own timings (luvhive.db.query), summed over instances. */
        BOT_TIMINGS("bot timings");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
