package org.luvhive.drill.world;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting on a condition, never on time alone: polls every 100 ms up to a generous limit
 * and fails naming what did not happen. Stateless.
 */
public final class Waits {

    private static final long POLL_MILLIS = 100;

    private Waits() {
    }

    /** Returns once {@code condition} holds; fails after {@code atMost}. */
    public static void until(String what, Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                last = notYet;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + atMost.toSeconds() + " s waiting until " + what
                        + (last == null ? "" : " (last: " + last.getMessage() + ")"));
            }
            pause();
        }
    }

    /** The first value of {@code source} that is not null; fails after {@code atMost}. */
    public static <T> T forValue(String what, Duration atMost, Supplier<T> source) {
        AtomicReference<T> found = new AtomicReference<>();
        until(what, atMost, () -> {
            found.set(source.get());
            return found.get() != null;
        });
        return found.get();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", interrupted);
        }
    }
}
