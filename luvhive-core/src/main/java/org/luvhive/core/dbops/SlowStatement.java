package org.luvhive.core.dbops;

/**
 * A statement by the time it cost.
 *
 * @param query       its text (normalised by pg_stat_statements, or the bots' statement name)
 * @param calls       executions
 * @param totalMillis time spent in all of them
 * @param meanMillis  time per execution
 * @param maxMillis   the longest execution
 * @param rows        rows returned or changed (-1 when not known: the bots' own timings)
 */
public record SlowStatement(String query, long calls, double totalMillis, double meanMillis, double maxMillis,
                            long rows) {
}
