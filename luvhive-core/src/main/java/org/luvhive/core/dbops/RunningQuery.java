package org.luvhive.core.dbops;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A client session that is doing something, as {@code pg_stat_activity} shows it.
 *
 * @param pid            the server process
 * @param database       its database
 * @param user           its role
 * @param application    its {@code application_name}
 * @param client         where it connects from ({@code local socket} for a Unix socket)
 * @param state          {@code active}, {@code idle in transaction}, ...
 * @param waitEventType  what kind of thing it waits for, if it waits
 * @param waitEvent      what it waits for
 * @param running        how long the current statement has run, while it is active
 * @param transaction    how long its transaction has been open, if one is
 * @param blockedBy      the processes holding the locks it waits for
 * @param query          its current (or, when idle in a transaction, last) statement, as the server shows it
 */
public record RunningQuery(int pid, String database, String user, String application, String client, String state,
                           Optional<String> waitEventType, Optional<String> waitEvent, Optional<Duration> running,
                           Optional<Duration> transaction, List<Integer> blockedBy, String query) {

    public RunningQuery {
        blockedBy = List.copyOf(blockedBy);
    }

    /** The longer of the statement's and the transaction's age. */
    public Duration age() {
        Duration statement = running.orElse(Duration.ZERO);
        Duration open = transaction.orElse(Duration.ZERO);
        return statement.compareTo(open) >= 0 ? statement : open;
    }
}
