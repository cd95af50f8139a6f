package org.luvhive.bot.bench.relay;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Watches a flood's inbox rows (every 20 ms, on a thread of its own) until all of them
 * are stored and none is pending any more, and notes when: the time the bot took to
 * handle the flood, whatever became of each update (relayed, or refused by the limit).
 * Thread-safe.
 */
final class FloodWatch {

    private static final Duration EVERY = Duration.ofMillis(20);

    private final Supplier<Map<String, Long>> statuses;
    private final int updates;
    private final Thread thread;
    private volatile long started;
    private volatile long handledAt;
    private volatile boolean running = true;

    /** @param statuses the flood's updates by inbox status, read at the database */
    FloodWatch(Supplier<Map<String, Long>> statuses, int updates) {
        this.statuses = statuses;
        this.updates = updates;
        this.thread = new Thread(this::watch, "bench-flood-watch");
        thread.setDaemon(true);
    }

    /** Starts watching; {@code started} is when the flood's first message is sent ({@link System#nanoTime}). */
    void start(long started) {
        this.started = started;
        thread.start();
    }

    boolean handled() {
        return handledAt != 0;
    }

    /** From the flood's first send until none of its updates was left to handle. */
    double handledAfterSeconds() {
        return (handledAt - started) / 1e9;
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    private void watch() {
        while (running && handledAt == 0) {
            Map<String, Long> now = statuses.get();
            long stored = now.values().stream().mapToLong(Long::longValue).sum();
            long waiting = now.getOrDefault("pending", 0L) + now.getOrDefault("retry", 0L);
            if (stored >= updates && waiting == 0) {
                handledAt = System.nanoTime();
                return;
            }
            BotProcesses.sleep(EVERY);
        }
    }
}
