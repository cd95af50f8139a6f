package org.luvhive.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressWaitTest {

    @Test
    void waitsPastTheStallWindowWhileTheFigureKeepsMoving() {
        AtomicLong handled = new AtomicLong();
        long startedAt = System.nanoTime();
        Duration stall = Duration.ofMillis(300);

        // the figure moves at every look: however late the looks come, it never counts as stuck
        ProgressWait.until("moving", stall, handled::incrementAndGet,
                () -> System.nanoTime() - startedAt > stall.multipliedBy(4).toNanos());

        assertThat(handled.get()).as("looked at the figure more than once").isGreaterThan(1);
    }

    @Test
    void failsOnceTheFigureStandsStill() {
        assertThatThrownBy(() -> ProgressWait.until("the stuck work", Duration.ofMillis(300), () -> 7L, () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessage("the stuck work: no progress for 0.3 s (stuck at 7)");
    }

    @Test
    void returnsAsSoonAsItIsDone() {
        ProgressWait.until("done", Duration.ofMillis(300), () -> 7L, () -> true);
    }
}
