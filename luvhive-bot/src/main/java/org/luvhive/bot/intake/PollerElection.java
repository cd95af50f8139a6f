package org.luvhive.bot.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Of all running instances, exactly one long-polls: the one holding a PostgreSQL session
 * advisory lock on a dedicated connection (never a pooled one, which would hand the lock
 * to whoever borrows the connection next). The others stand by and try every
 * {@code tick}; when the poller dies its session ends, the lock is free, and a standby
 * takes over within a tick or two. Polling also stops when the cluster is switched to
 * webhook mode. So Telegram never sees two getUpdates at once: no 409 storms.
 * Thread-safe.
 */
public final class PollerElection implements AutoCloseable {

    public static final String POLLER = "luvhive.intake.poller";
    /** The advisory lock key (a constant of our own: "LuvHive poller"). */
    static final long LOCK_KEY = 0x4C75_7648_6976_6501L;
    private static final Logger LOG = LoggerFactory.getLogger(PollerElection.class);

    private final Supplier<Connection> connections;
    private final Supplier<LongPollingIntake> intakes;
    private final BooleanSupplier pollingWanted;
    private final Duration tick;
    private final Thread thread;
    private final BlockingQueue<Boolean> nudges = new LinkedBlockingQueue<>(1);
    private volatile boolean running;
    private volatile boolean polling;
    private Connection lockConnection;
    private LongPollingIntake intake;

    /**
     * @param connections   dedicated connections (for the lock)
     * @param intakes       makes the long-polling loop when this instance wins
     * @param pollingWanted whether the cluster is in polling mode right now
     */
    public PollerElection(Supplier<Connection> connections, Supplier<LongPollingIntake> intakes,
                          BooleanSupplier pollingWanted, Duration tick, MeterRegistry registry) {
        this.connections = connections;
        this.intakes = intakes;
        this.pollingWanted = pollingWanted;
        this.tick = tick;
        this.thread = new Thread(this::run, "luvhive-poller-election");
        this.thread.setDaemon(true);
        Gauge.builder(POLLER, () -> polling ? 1 : 0)
                .description("1 when this instance is the one long-polling Telegram").register(registry);
    }

    public void start() {
        running = true;
        thread.start();
    }

    /** Whether this instance is the poller now. */
    public boolean isPoller() {
        return polling;
    }

    private void run() {
        while (running) {
            try {
                if (pollingWanted.getAsBoolean()) {
                    if (polling) {
                        verifyLockHeld();
                    } else {
                        tryToLead();
                    }
                } else if (polling) {
                    LOG.info("Switched to webhook mode: this instance stops polling");
                    stepDown();
                }
            } catch (RuntimeException failure) {
                LOG.warn("Poller election: {}", failure.getMessage());
                stepDown();
            }
            waitForTickOrNudge();
        }
        stepDown();
    }

    private void tryToLead() {
        if (lockConnection == null) {
            lockConnection = connections.get();
        }
        if (query(lockConnection, "select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            intake = intakes.get();
            intake.start();
            polling = true;
            LOG.info("This instance is now the poller");
        }
    }

    /** The lock lives as long as its session: a dead connection means it may be someone else's. */
    private void verifyLockHeld() {
        try {
            query(lockConnection, "select true");
        } catch (RuntimeException lost) {
            LOG.warn("Lost the poller lock's connection ({}); stopping polling", lost.getMessage());
            stepDown();
        }
    }

    private synchronized void stepDown() {
        if (intake != null) {
            intake.stop();
            intake = null;
        }
        polling = false;
        if (lockConnection != null) {
            try {
                lockConnection.close(); // ends the session: the lock is released
            } catch (SQLException ignored) {
                // already gone
            }
            lockConnection = null;
        }
    }

    private static boolean query(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5); // a half-open connection must not hang the election
            try (ResultSet result = statement.executeQuery(sql)) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }

    /** Sleeps one tick, or less when {@link #nudge()} says the run mode changed. */
    private void waitForTickOrNudge() {
        try {
            nudges.poll(tick.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The run mode changed: decide now rather than at the next tick. */
    public void nudge() {
        nudges.offer(Boolean.TRUE);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        stepDown();
    }
}
