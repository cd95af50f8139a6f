package org.luvhive.core.dbops.internal;

/** Statement timings summed over instances. */
public record StatementTimingRow(String statement, long calls, long errors, double totalMs, double maxMs,
                                 int instances) {
}
