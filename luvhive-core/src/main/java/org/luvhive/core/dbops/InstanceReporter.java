package org.luvhive.core.dbops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.luvhive.core.db.ConnectionPool;
import org.luvhive.core.db.HeldSession;
import org.luvhive.core.db.PoolFigures;
import org.luvhive.core.db.StatementTimings;
import org.luvhive.core.db.StatementTimings.StatementTiming;
import org.luvhive.core.dbops.internal.StatementTimingsDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what one bot instance knows of its database use for {@code luvhive db}: its
 * pool's figures (and since when it is full) on every {@link #reportPool()}, its
 * per-statement timings on every {@link #reportTimings()}. Writes go over a session of
 * their own, outside the pool, so an exhausted pool is reported rather than waited on.
 * A failed write is logged once per outage. Run the reports from one thread.
 */
final class InstanceReporter {

    /** Rows of instances silent this long are deleted by the instances still running. */
    static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(InstanceReporter.class);

    private final ConnectionPool pool;
    private final StatementTimings timings;
    private final HeldSession session;
    private final Clock clock;
    private final String instance;
    private final String applicationName;
    private Instant fullSince;
    private volatile Instant resetApplied;
    private boolean failing;

    InstanceReporter(ConnectionPool pool, StatementTimings timings, HeldSession session, Clock clock, String instance,
                     String applicationName) {
        this.pool = pool;
        this.timings = timings;
        this.session = session;
        this.clock = clock;
        this.instance = instance;
        this.applicationName = applicationName;
    }

    /** Samples the pool and stores it. */
    void reportPool() {
        Instant now = clock.instant();
        PoolFigures figures = pool.figures();
        if (!figures.full()) {
            fullSince = null;
        } else if (fullSince == null) {
            fullSince = now;
        }
        PoolState state = new PoolState(instance, applicationName, figures, Optional.ofNullable(fullSince),
                Optional.ofNullable(resetApplied), now);
        write("pool state", () -> session.withHandle(handle -> {
            PoolStateStore.save(handle, state, now.minus(FORGET_AFTER));
            return null;
        }));
    }

    /** Notes a pool reset carried out (the moment it was asked for), for the next report; any thread. */
    void resetApplied(Instant requested) {
        resetApplied = requested;
    }

    /** Stores the statement timings since start. */
    void reportTimings() {
        Instant now = clock.instant();
        List<StatementTiming> all = timings.snapshot();
        write("statement timings", () -> session.withHandle(handle -> {
            StatementTimingsDao dao = handle.attach(StatementTimingsDao.class);
            if (!all.isEmpty()) {
                dao.upsert(instance, all.stream().map(StatementTiming::statement).toList(),
                        all.stream().map(StatementTiming::calls).toList(),
                        all.stream().map(StatementTiming::errors).toList(),
                        all.stream().map(StatementTiming::totalMillis).toList(),
                        all.stream().map(StatementTiming::maxMillis).toList(), now);
            }
            dao.deleteIdleSince(now.minus(FORGET_AFTER));
            return null;
        }));
    }

    /**
     * Removes this instance's pool report (a clean stop is not "stale"); its timings stay
     * for {@code db slow} until they are a day old.
     */
    void forget() {
        write("forgetting this instance", () -> session.withHandle(handle -> {
            PoolStateStore.forget(handle, instance);
            return null;
        }));
    }

    private void write(String what, Runnable writing) {
        try {
            writing.run();
            if (failing) {
                LOG.info("Database reports are stored again");
                failing = false;
            }
        } catch (RuntimeException failure) {
            if (!failing) {
                LOG.warn("Cannot store {} for luvhive db ({}); retrying every run", what, failure.getMessage());
                failing = true;
            }
        }
    }
}
