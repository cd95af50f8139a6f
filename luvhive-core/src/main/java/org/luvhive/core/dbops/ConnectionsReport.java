package org.luvhive.core.dbops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.dbops.internal.ActivityQueries;

/**
 * Who is connected and whether anyone is starved of connections ({@code luvhive db
 * connections}): the server's slots, its sessions by database, application, state and
 * client, the sessions idle inside a transaction, each running bot's pool as it reports
 * it, and plain findings ("pool of bot-2 full for 40 s, 12 threads waiting"). Immutable.
 *
 * @param at                when it was read
 * @param slots             the server's connection slots
 * @param groups            sessions counted by database, application, state and client
 * @param idleInTransaction sessions idle inside a transaction, the longest first
 * @param pools             each bot instance's pool, with the sessions the server shows for it
 * @param findings          what needs a look, the worst first
 */
public record ConnectionsReport(Instant at, ServerSlots slots, List<SessionGroup> groups,
                                List<IdleTransaction> idleInTransaction, List<PoolView> pools, List<Finding> findings) {

    /** An idle transaction older than this is named in the findings: it holds locks and a connection. */
    public static final Duration IDLE_TRANSACTION_WARNING = Duration.ofMinutes(1);
    /** Fewer free slots than this share of {@code max_connections} is a warning. */
    public static final double FEW_FREE_SLOTS = 0.10;

    public ConnectionsReport {
        groups = List.copyOf(groups);
        idleInTransaction = List.copyOf(idleInTransaction);
        pools = List.copyOf(pools);
        findings = List.copyOf(findings);
    }

    /**
     * @param maxConnections    {@code max_connections}
     * @param superuserReserved slots only superusers may take
     * @param used              client sessions open now
     */
    public record ServerSlots(int maxConnections, int superuserReserved, int used) {

        /** Slots an ordinary role can still take. */
        public int free() {
            return Math.max(0, maxConnections - superuserReserved - used);
        }
    }

    /** How many sessions share a database, application, state and client. */
    public record SessionGroup(String database, String application, String state, String client, int sessions) {
    }

    /** A session idle inside a transaction: it holds its locks and a connection until it ends. */
    public record IdleTransaction(int pid, String database, String user, String application, String client,
                                  Duration idleFor, Duration transactionAge, String query) {
    }

    /**
     * A bot's pool.
     *
     * @param state          its last report
     * @param serverSessions sessions the server shows under the pool's application name
     * @param stale          it has not reported for {@link PoolState#STALE_AFTER}
     * @param fullFor        how long every connection has been lent out, when they are
     */
    public record PoolView(PoolState state, int serverSessions, boolean stale, Optional<Duration> fullFor) {
    }

    /** Something to look at; {@code exhausted} when someone waits for a connection or no slot is free. */
    public record Finding(boolean exhausted, String message) {
    }

    /** Someone is starved of connections now: a live bot's pool with waiting threads, or a full server. */
    public boolean exhausted() {
        return findings.stream().anyMatch(Finding::exhausted);
    }

    public static ConnectionsReport read(Jdbi jdbi, Instant now) {
        ActivityQueries.Activity activity = jdbi.withHandle(ActivityQueries::activity);
        List<PoolView> pools = new ArrayList<>();
        for (PoolState state : new PoolStateStore(jdbi).all()) {
            int sessions = activity.groups().stream()
                    .filter(group -> group.application().equals(state.applicationName()))
                    .mapToInt(SessionGroup::sessions).sum();
            Optional<Duration> fullFor = state.fullSince().map(since -> Duration.between(since, now))
                    .map(duration -> duration.isNegative() ? Duration.ZERO : duration);
            pools.add(new PoolView(state, sessions, state.stale(now), fullFor));
        }
        return new ConnectionsReport(activity.at(), activity.slots(), activity.groups(), activity.idle(), pools,
                ConnectionFindings.of(activity.slots(), pools, activity.idle()));
    }
}
