package org.luvhive.core.backup.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a backup run undoes when the JVM is told to stop in the middle of it (SIGTERM from
 * systemd, cron's {@code timeout}, Ctrl-C). The JVM then runs shutdown hooks but no
 * {@code finally} block of the interrupted run, so without this a pg_dump or pg_restore
 * child would go on after the lock is released, partial files would stay, and the backup
 * log would not say what happened. On a stop: every child process of this JVM is asked to
 * end (and killed after a grace period), the registered undo steps run newest first, then
 * {@code onStop} (the log line). {@link #close} at the end of a run that finished.
 * Thread-safe.
 */
public final class RunGuard implements AutoCloseable {

    private static final Duration CHILD_GRACE = Duration.ofSeconds(5);

    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final Runnable onStop;
    private final Thread hook;
    private volatile boolean stopping;

    private RunGuard(Runnable onStop, String name) {
        this.onStop = onStop;
        this.hook = new Thread(this::stop, name + "-stop");
    }

    /** Guards a run named {@code name}; {@code onStop} runs last on a stop (e.g. appends the log line). */
    public static RunGuard install(String name, Runnable onStop) {
        RunGuard guard = new RunGuard(onStop, name);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** Adds an undo step (e.g. remove a temporary archive); it runs only if the JVM stops first. */
    public void onStop(Runnable step) {
        synchronized (undo) {
            undo.push(step);
        }
    }

    /** Whether the JVM is stopping this run (the run's own failure handling should then stay quiet). */
    public boolean stopping() {
        return stopping;
    }

    private void stop() {
        stopping = true;
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + CHILD_GRACE.toNanos();
        for (ProcessHandle child : children) {
            long left = deadline - System.nanoTime();
            try {
                child.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                child.destroyForcibly();
            }
        }
        while (true) {
            Runnable step;
            synchronized (undo) {
                step = undo.poll();
            }
            if (step == null) {
                break;
            }
            runQuietly(step);
        }
        runQuietly(onStop);
    }

    private static void runQuietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException ignored) {
            // best effort: the JVM is going away, and the next run cleans up what is left
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it does the rest
        }
    }
}
