package org.luvhive.core.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for a condition as long as the work behind it keeps moving: it fails once a
 * progress figure (rows handled, messages sent) has not changed for the stall window, or
 * after {@link #HARD_CAP}. For tests that push a lot of work through a bot, where a loaded
 * machine may need minutes but a stuck system must still fail. Not thread-safe: one per wait.
 */
public final class ProgressWait {

    /** However slow the machine, a scenario that needs longer than this is broken. */
    public static final Duration HARD_CAP = Duration.ofMinutes(5);

    private final String what;
    private final Duration stall;
    private final Callable<Long> progress;
    private long lastValue = Long.MIN_VALUE;
    private long lastChange = System.nanoTime();

    private ProgressWait(String what, Duration stall, Callable<Long> progress) {
        this.what = what;
        this.stall = stall;
        this.progress = progress;
    }

    /**
     * Returns once {@code done} holds; throws an {@link AssertionError} naming {@code what}
     * when {@code progress} stood still for {@code stall}.
     */
    public static void until(String what, Duration stall, Callable<Long> progress, Callable<Boolean> done) {
        ProgressWait wait = new ProgressWait(what, stall, progress);
        await(what).atMost(HARD_CAP).pollInterval(Duration.ofMillis(250)).until(() -> wait.reached(done));
    }

    private boolean reached(Callable<Boolean> done) throws Exception {
        if (done.call()) {
            return true;
        }
        long value = progress.call();
        long now = System.nanoTime();
        if (value != lastValue) {
            lastValue = value;
            lastChange = now;
        } else if (now - lastChange > stall.toNanos()) {
            throw new AssertionError(what + ": no progress for " + stall.toMillis() / 1000.0 + " s (stuck at "
                    + value + ")");
        }
        return false;
    }
}
