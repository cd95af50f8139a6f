package org.luvhive.core.dbops;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.luvhive.core.Maintenance;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.HeldSession;
import org.luvhive.core.settings.OpsSettingsListener;

/**
 * What a running bot does for {@code luvhive db}, as one object for the composition
 * root: reports its pool every few seconds and its per-statement timings every half
 * minute, over a session of its own on a thread of its own (an exhausted pool or a busy
 * maintenance thread must not silence the report), and samples the database's size once
 * a day ({@link #maintenance()}), and follows {@code luvhive db pool reset} and {@code db pool
 * size}. {@link #start} once the database is migrated and the settings listener runs;
 * {@link #close()} before the database closes. Thread-safe.
 */
public final class DatabaseOps implements AutoCloseable {

    /**
     * @param poolReportEvery    how often the pool's figures are stored
     * @param timingsReportEvery how often the statement timings are stored
     * @param sizeSampleEvery    how often the daily size sample is looked at (one per UTC day is stored)
     */
    public record Settings(Duration poolReportEvery, Duration timingsReportEvery, Duration sizeSampleEvery) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1));
        }

        public Settings withPoolReportEvery(Duration every) {
            return new Settings(every, timingsReportEvery, sizeSampleEvery);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final SizeHistory sizes;
    private final HeldSession session;
    private final InstanceReporter reporter;
    private final PoolFollower follower;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "luvhive-db-report");
        thread.setDaemon(true);
        return thread;
    });

    public DatabaseOps(Database database, Clock clock, String instance, Settings settings) {
        this.settings = settings;
        this.clock = clock;
        this.sizes = new SizeHistory(database.jdbi());
        this.session = new HeldSession(database.dedicatedConnections());
        this.reporter = new InstanceReporter(database.pool(), database.statementTimings(), session, clock, instance,
                database.poolSettings().applicationName());
        this.follower = new PoolFollower(database.pool(), database.poolSettings().maximumSize(), reporter,
                () -> executor.execute(reporter::reportPool));
    }

    /** The daily size sample, for the bot's maintenance scheduler. */
    public List<Maintenance> maintenance() {
        return List.of(new Maintenance("db-size-sample", settings.sizeSampleEvery(),
                () -> sizes.sampleIfDue(clock.instant())));
    }

    /**
     * Starts reporting (the first pool report now), takes today's size sample if none
     * exists, and follows {@code luvhive db pool reset} and {@code db pool size}.
     */
    public void start(OpsSettingsListener listener) {
        follower.follow(listener);
        executor.scheduleWithFixedDelay(reporter::reportPool, 0, settings.poolReportEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(reporter::reportTimings, settings.timingsReportEvery().toMillis(),
                settings.timingsReportEvery().toMillis(), TimeUnit.MILLISECONDS);
        executor.execute(() -> sizes.sampleIfDue(clock.instant()));
    }

    /** Stores the timings a last time, removes this instance's pool report, ends the reporting session. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        reporter.reportTimings();
        reporter.forget();
        session.close();
    }
}
