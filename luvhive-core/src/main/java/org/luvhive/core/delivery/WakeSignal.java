package org.luvhive.core.delivery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * "There is something to send": raised by the {@link Outbox} after a transaction that
 * queued rows commits, and by the sender itself when a call finishes; the sender's
 * dispatcher waits on it between passes. It exists before both, so the outbox, the
 * features that write to it and the sender can be built in that order. Thread-safe.
 */
public final class WakeSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition raised = lock.newCondition();
    private boolean pending;

    /** Wakes the waiter now, or makes its next wait return at once. */
    public void signal() {
        lock.lock();
        try {
            pending = true;
            raised.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until signalled (since the last wait returned) or for {@code atMost}, whichever is first. */
    public void await(Duration atMost) throws InterruptedException {
        lock.lock();
        try {
            if (!pending) {
                raised.await(Math.max(1, atMost.toNanos()), TimeUnit.NANOSECONDS);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
