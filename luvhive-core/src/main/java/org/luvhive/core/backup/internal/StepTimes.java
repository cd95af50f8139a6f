package org.luvhive.core.backup.internal;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a run's wall time went, step by step, for the backup log line
 * ({@code "steps_ms"}): each {@link #lap} closes the step that ran since the previous
 * one. Used by one thread at a time.
 */
public final class StepTimes {

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private final Instant created = Instant.now();
    private long mark = System.nanoTime();

    /** Closes the step {@code name}: the time since the previous lap (or since this was made). */
    public void lap(String name) {
        long now = System.nanoTime();
        millis.merge(name, (now - mark) / 1_000_000, Long::sum);
        mark = now;
    }

    /** Records a step measured elsewhere (one that overlapped others, e.g. the row counts during pg_dump). */
    public void put(String name, long stepMillis) {
        millis.put(name, stepMillis);
    }

    /**
     * Records {@code "startup"}: from the JVM's start until this was made, i.e. the JVM, the
     * command line and opening the database before the backup began. Call it off the
     * critical path (it loads the management classes).
     */
    public void putStartup() {
        try {
            long started = ManagementFactory.getRuntimeMXBean().getStartTime();
            millis.put("startup", Math.max(0, created.toEpochMilli() - started));
        } catch (RuntimeException | LinkageError unavailable) {
            // a diagnostic only
        }
    }

    public Map<String, Long> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }
}
