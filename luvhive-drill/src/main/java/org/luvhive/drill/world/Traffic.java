package org.luvhive.drill.world;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * Simulated users chatting in pairs through the real bot: they met with {@code /find} as
 * people do, then each sends {@code burst} numbered texts to the partner, pauses, and so on
 * (never faster than the crisis profile lets a user write, so the limits never drop a
 * message by design). Every text must reach the partner exactly once: that is the
 * drill's {@code lost} and {@code duplicated}. Thread-safe.
 */
public final class Traffic implements AutoCloseable {

    private final List<SimulatedUser[]> pairs;
    private final Map<String, SimulatedUser> recipients = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean paused;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "drill-traffic");
        thread.setDaemon(true);
        return thread;
    });

    private Traffic(List<SimulatedUser[]> pairs) {
        this.pairs = pairs;
    }

    /**
     * {@code pairs} pairs of users who finished onboarding earlier meet, then each writes
     * {@code burst} texts, pauses {@code period}, and so on (a fixed pause, so a slow round
     * never makes the next ones come faster).
     */
    public static Traffic start(World world, int pairs, Duration period, int burst) {
        Traffic traffic = new Traffic(Users.pairs(world, "Ann", "Ben", pairs));
        traffic.sender.scheduleWithFixedDelay(() -> traffic.round(burst), 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return traffic;
    }

    private void round(int burst) {
        if (paused) {
            return;
        }
        try {
            for (SimulatedUser[] pair : pairs) {
                for (int side = 0; side < 2; side++) {
                    for (int count = 0; count < burst; count++) {
                        String text = "drill message " + sequence.incrementAndGet();
                        recipients.put(text, pair[1 - side]);
                        pair[side].sendText(text);
                    }
                }
            }
        } catch (RuntimeException | Error stopped) {
            failure.compareAndSet(null, stopped);
            throw stopped;
        }
    }

    /**
     * Stops writing until {@link #resume()} (the round under way finishes first) and waits
     * until every text sent so far reached its recipient: a quiet moment, e.g. for a backup.
     */
    public void pauseDelivered(Duration atMost) {
        paused = true;
        try {
            sender.submit(() -> { }).get(30, TimeUnit.SECONDS); // runs after the round under way
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted pausing the traffic", interrupted);
        } catch (ExecutionException | TimeoutException stuck) {
            throw new IllegalStateException("the traffic did not pause: " + stuck.getMessage(), stuck);
        }
        Waits.until("every text so far reached its recipient", atMost, () -> tally().lost() == 0);
    }

    public void resume() {
        paused = false;
    }

    /** Texts sent so far. */
    public int sent() {
        return recipients.size();
    }

    /** Texts that reached their recipient (at least once) so far. */
    public int delivered() {
        return (int) tally().received();
    }

    /** Stops writing (the round under way finishes). */
    public void stop() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the traffic did not stop within 30 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted stopping the traffic", interrupted);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the users could not write: " + failure.get().getMessage(), failure.get());
        }
    }

    /**
     * Stops, waits until every text sent reached its recipient (or {@code atMost} passed),
     * and counts: texts never received, texts received more than once.
     */
    public Tally finish(Duration atMost) {
        stop();
        try {
            Waits.until("every text reached its recipient", atMost, () -> tally().lost() == 0);
        } catch (IllegalStateException someLost) {
            // counted below: a lost message is the drill's figure, not an error of the drill
        }
        return tally();
    }

    private Tally tally() {
        Map<SimulatedUser, Map<String, Integer>> seen = new ConcurrentHashMap<>();
        long received = 0;
        long lost = 0;
        long duplicated = 0;
        for (Map.Entry<String, SimulatedUser> entry : Map.copyOf(recipients).entrySet()) {
            Map<String, Integer> counts = seen.computeIfAbsent(entry.getValue(), Traffic::counts);
            int times = counts.getOrDefault(entry.getKey(), 0);
            if (times == 0) {
                lost++;
            } else {
                received++;
                duplicated += times - 1;
            }
        }
        return new Tally(recipients.size(), received, lost, duplicated);
    }

    private static Map<String, Integer> counts(SimulatedUser user) {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        for (ChatMessage message : user.received()) {
            if (message.hasText() && message.text().startsWith("drill message ")) {
                counts.merge(message.text(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    /** What the users' texts came to. */
    public record Tally(long sent, long received, long lost, long duplicated) {
    }
}
