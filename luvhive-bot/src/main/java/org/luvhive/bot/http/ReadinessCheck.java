package org.luvhive.bot.http;

/**
 * One dependency {@code /readyz} asks about. Implementations are thread-safe and give up
 * within a few seconds; they run in the background ({@link ReadinessMonitor}), never
 * inside a probe's request.
 */
public interface ReadinessCheck {

    String name();

    Result run();

    /**
     * @param ok            whether the dependency answered as it should
     * @param latencyMillis how long it took
     * @param error         what went wrong, one line, no secrets
     */
    record Result(boolean ok, long latencyMillis, String error) {
    }
}
