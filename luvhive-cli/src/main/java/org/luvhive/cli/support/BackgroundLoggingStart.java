package org.luvhive.cli.support;

import org.slf4j.LoggerFactory;

/**
 * Starts the logging backend (Logback reading its configuration: ~40 ms of a command's
 * start-up) on a thread of its own, so that it overlaps picocli building the command on
 * the other core instead of delaying, say, pg_dump's start. {@link #await} before the
 * command runs: SLF4J hands out substitute loggers to other threads while it starts, and
 * anything they logged meanwhile would be replayed with a warning on stderr. Not started
 * for a command that logs nothing on its normal path ({@link LogsOnlyOnTrouble}).
 */
public final class BackgroundLoggingStart {

    private final Thread thread;

    private BackgroundLoggingStart(Thread thread) {
        this.thread = thread;
    }

    public static BackgroundLoggingStart begin() {
        Thread thread = new Thread(LoggerFactory::getILoggerFactory, "logging-start");
        thread.setDaemon(true);
        thread.start();
        return new BackgroundLoggingStart(thread);
    }

    /** Waits until logging has started (at most 10 s: a stuck backend must not hang a command). */
    public void await() {
        try {
            thread.join(10_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
