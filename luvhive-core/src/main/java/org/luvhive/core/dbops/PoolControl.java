package org.luvhive.core.dbops;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.dbops.internal.ActivityQueries;
import org.luvhive.core.settings.OpsSettings;

/**
 * Steers every running bot's pool through the ops settings ({@code luvhive db pool reset},
 * {@code db pool size}): writes {@value #RESET_AT} or {@value #SIZE}, which the bots follow
 * within a second ({@link PoolFollower}), checks a size against the server's free slots
 * first, and waits for the bots' pool reports to show it done. Thread-safe.
 */
public final class PoolControl {

    /** An ISO instant: every running bot replaces its pool's connections softly when it changes. */
    public static final String RESET_AT = "db.pool.reset_at";
    /** The pool's maximum size for every running bot, over their {@code DB_POOL_SIZE}; absent: their own. */
    public static final String SIZE = "db.pool.size";
    private static final Duration POLL = Duration.ofMillis(100);

    private final Jdbi jdbi;
    private final OpsSettings settings;

    public PoolControl(Jdbi jdbi, OpsSettings settings) {
        this.jdbi = jdbi;
        this.settings = settings;
    }

    /**
     * Asks every running bot to replace its connections; returns the moment written (what
     * they confirm), in milliseconds: the bots' reports store it as a timestamp, which keeps
     * no nanoseconds.
     */
    public Instant requestReset(Instant now, String operator) {
        Instant stamp = now.truncatedTo(ChronoUnit.MILLIS);
        settings.put(RESET_AT, stamp.toString(), operator);
        return stamp;
    }

    /** How {@code size} connections per running bot would fit the server's free slots. */
    public PoolSizePlan plan(int size, Instant now) {
        if (size < 1 || size > ConfigLoader.MAX_POOL_SIZE) {
            throw new IllegalArgumentException("a pool size is 1 to " + ConfigLoader.MAX_POOL_SIZE + ", not " + size);
        }
        ActivityQueries.Activity activity = jdbi.withHandle(ActivityQueries::activity);
        List<PoolState> running = livePools(now);
        return PoolSizePlan.of(size, activity.slots(), running);
    }

    public void storeSize(int size, String operator) {
        settings.put(SIZE, Integer.toString(size), operator);
    }

    /** Removes the stored size: every bot goes back to its own {@code DB_POOL_SIZE}; returns whether one was stored. */
    public boolean clearSize() {
        return settings.delete(SIZE);
    }

    /** The size stored for every bot, if one is. */
    public Optional<Integer> storedSize() {
        return settings.find(SIZE).flatMap(setting -> parseSize(setting.value()));
    }

    /** The pools of the bots reporting now. */
    public List<PoolState> livePools(Instant now) {
        return new PoolStateStore(jdbi).all().stream().filter(state -> !state.stale(now)).toList();
    }

    /**
     * Waits up to {@code patience} for every pool in {@code running} to report {@code done};
     * returns the ones that did not (empty: all did).
     */
    public List<PoolState> awaitReported(List<PoolState> running, Predicate<PoolState> done, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> waitingFor = running.stream().map(PoolState::instance).toList();
        while (true) {
            List<PoolState> pending = new PoolStateStore(jdbi).all().stream()
                    .filter(state -> waitingFor.contains(state.instance()) && !done.test(state)).toList();
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                return pending;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return pending;
            }
        }
    }

    /** A stored size, or empty when it is not one this build accepts. */
    static Optional<Integer> parseSize(String value) {
        try {
            int size = Integer.parseInt(value.strip());
            return size >= 1 && size <= ConfigLoader.MAX_POOL_SIZE ? Optional.of(size) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
