package org.luvhive.bot.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.luvhive.core.db.ConnectionPool;
import org.luvhive.core.db.PoolFigures;

/**
 * A bot's pool during one phase: its figures sampled every 10 ms on a thread of its own
 * (the most connections lent out at once, the most threads waiting, how often anyone
 * waited), and HikariCP's own timers (how long connections were held and waited for),
 * as differences over the phase. Start, then {@link #stop}; not reusable.
 */
final class PoolWatch {

    private static final String USAGE = "hikaricp.connections.usage";
    private static final String ACQUIRE = "hikaricp.connections.acquire";

    private final ConnectionPool pool;
    private final MeterRegistry registry;
    private final double heldMillisBefore;
    private final long acquiredBefore;
    private final double acquireMillisBefore;
    private final Thread sampler;
    private volatile boolean running = true;
    private int maxActive;
    private int maxWaiting;
    private long samples;
    private long samplesWaiting;

    private PoolWatch(ConnectionPool pool, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
        this.heldMillisBefore = timer(USAGE).totalTime(TimeUnit.MILLISECONDS);
        this.acquiredBefore = timer(ACQUIRE).count();
        this.acquireMillisBefore = timer(ACQUIRE).totalTime(TimeUnit.MILLISECONDS);
        this.sampler = new Thread(this::sample, "bench-pool-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    static PoolWatch start(ConnectionPool pool, MeterRegistry registry) {
        return new PoolWatch(pool, registry);
    }

    /** Stops sampling; returns the phase's figures. */
    Figures stop() throws InterruptedException {
        running = false;
        sampler.join();
        long acquired = timer(ACQUIRE).count() - acquiredBefore;
        double acquireMillis = timer(ACQUIRE).totalTime(TimeUnit.MILLISECONDS) - acquireMillisBefore;
        return new Figures(pool.maximumSize(), maxActive, maxWaiting, samples == 0 ? 0 : 100.0 * samplesWaiting / samples,
                timer(USAGE).totalTime(TimeUnit.MILLISECONDS) - heldMillisBefore, acquired,
                acquired == 0 ? 0 : acquireMillis / acquired, timer(ACQUIRE).max(TimeUnit.MILLISECONDS));
    }

    private Timer timer(String name) {
        Timer timer = registry.find(name).timer();
        if (timer == null) {
            throw new IllegalStateException("the bot's registry has no " + name + " timer: is HikariCP's tracker on?");
        }
        return timer;
    }

    private void sample() {
        while (running) {
            PoolFigures figures = pool.figures();
            maxActive = Math.max(maxActive, figures.active());
            maxWaiting = Math.max(maxWaiting, figures.waiting());
            samples++;
            if (figures.waiting() > 0) {
                samplesWaiting++;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * @param maximum        the pool's maximum size
     * @param maxActive      the most connections lent out at once
     * @param maxWaiting     the most threads waiting for one at once
     * @param waitingPct     the share of samples in which a thread waited
     * @param heldMillis     connection time used, summed over every borrowing
     * @param acquired       borrowings
     * @param acquireMeanMs  how long a borrowing waited, on average
     * @param acquireMaxMs   the longest wait HikariCP's timer still remembers (its recent window)
     */
    record Figures(int maximum, int maxActive, int maxWaiting, double waitingPct, double heldMillis, long acquired,
                   double acquireMeanMs, double acquireMaxMs) {
    }
}
