package org.luvhive.core.update;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that keep {@link InboxProcessor#processNext()} going: as fast as updates come,
 * woken at once when this process stores one, polling every {@code idlePoll} for updates
 * stored by other instances. {@link #stop} lets handlers in progress finish. Thread-safe.
 */
public final class InboxRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InboxRunner.class);

    private final InboxProcessor processor;
    private final int threads;
    private final Duration idlePoll;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private long wakeups;

    public InboxRunner(InboxProcessor processor, int threads, Duration idlePoll) {
        this.processor = processor;
        this.threads = threads;
        this.idlePoll = idlePoll;
    }

    public synchronized void start() {
        running = true;
        for (int index = 1; index <= threads; index++) {
            Thread worker = new Thread(this::run, "luvhive-inbox-" + index);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** New updates are stored: look now. */
    public void wake() {
        lock.lock();
        try {
            wakeups++;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            long seen;
            lock.lock();
            try {
                seen = wakeups;
            } finally {
                lock.unlock();
            }
            boolean didWork;
            try {
                didWork = processor.processNext();
            } catch (RuntimeException failure) {
                LOG.error("Inbox processing failed; retrying in 1 s: {}", failure.getMessage());
                didWork = false;
                sleep(Duration.ofSeconds(1));
            }
            if (!didWork) {
                idle(seen);
            }
        }
    }

    private void idle(long seen) {
        lock.lock();
        try {
            if (running && wakeups == seen) {
                work.awaitNanos(idlePoll.toNanos());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking updates; waits up to {@code grace} for handlers in progress. */
    public synchronized void stop(Duration grace) {
        running = false;
        wake();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        workers.clear();
    }
}
