package org.luvhive.core.dbops;

import java.util.List;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.dbops.ConnectionsReport.ServerSlots;

/**
 * Whether a pool size fits the server: each running bot may open up to {@code size}
 * connections, beyond what its pool has open now; together that must fit the server's free
 * slots less a margin kept for everything else (the CLI, backups, an operator's psql):
 * {@value #MIN_MARGIN} slots or {@value #MARGIN_PERCENT}% of {@code max_connections},
 * whichever is more. Immutable.
 *
 * @param size        the size asked for
 * @param slots       the server's slots now
 * @param running     the bots reporting now
 * @param openNow     connections their pools have open now
 * @param mayAdd      connections they may open more at the new size
 * @param margin      slots kept free for others
 * @param largestFit  the largest size that fits (0: none does)
 */
public record PoolSizePlan(int size, ServerSlots slots, List<PoolState> running, int openNow, int mayAdd, int margin,
                           int largestFit) {

    public static final int MIN_MARGIN = 5;
    /**
     * The smallest pool a bot keeps up with: each of its two handler threads holds its
     * update's transaction and borrows a second connection for the shared rate limit, and
     * the sender and the poller need one too. Below it the handler threads wait on each
     * other up to the connection timeout and updates fail and retry ({@code
     * scripts/bench-pool}: a pool of 2 did not keep up with 10 updates a second, 5 kept up
     * with 50).
     */
    public static final int SMALLEST_SAFE = 5;
    public static final int MARGIN_PERCENT = 10;

    public PoolSizePlan {
        running = List.copyOf(running);
    }

    static PoolSizePlan of(int size, ServerSlots slots, List<PoolState> running) {
        int margin = Math.max(MIN_MARGIN, slots.maxConnections() * MARGIN_PERCENT / 100);
        int open = running.stream().mapToInt(PoolSizePlan::open).sum();
        int largest = 0;
        for (int candidate = 1; candidate <= ConfigLoader.MAX_POOL_SIZE; candidate++) {
            if (added(candidate, running) <= slots.free() - margin) {
                largest = candidate;
            }
        }
        return new PoolSizePlan(size, slots, running, open, added(size, running), margin, largest);
    }

    /** The new connections fit the free slots less the margin (always, with no bot running). */
    public boolean fits() {
        return running.isEmpty() || mayAdd <= available();
    }

    /** Whether the size is below {@link #SMALLEST_SAFE}. */
    public boolean tooSmall() {
        return size < SMALLEST_SAFE;
    }

    /** Free slots less the margin. */
    public int available() {
        return Math.max(0, slots.free() - margin);
    }

    private static int added(int size, List<PoolState> running) {
        return running.stream().mapToInt(state -> Math.max(0, size - open(state))).sum();
    }

    private static int open(PoolState state) {
        return state.figures().active() + state.figures().idle();
    }
}
