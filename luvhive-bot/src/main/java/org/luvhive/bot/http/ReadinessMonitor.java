package org.luvhive.bot.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each readiness check in the background on its own schedule and keeps its latest
 * result, so {@code /readyz} answers at once from this state whatever a dependency does:
 * a database that is down makes its check wait for the pool's timeout, never the probe.
 * Each check has a thread of its own, so one that hangs does not hold up the others; a
 * result older than {@code staleAfter} counts as a failure (the check itself hangs).
 * The bot is ready only once it also serves ({@link #markServing()}, called when every
 * part has started): checks that pass while intake and sending are still being started
 * must not let a load balancer or a deploy script count the instance in. Thread-safe.
 */
public final class ReadinessMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessMonitor.class);

    /** A check and how long to wait between the end of one run and the start of the next. */
    public record Scheduled(ReadinessCheck check, Duration every) {
    }

    /** A check's latest result and when it came in; empty before its first run ended. */
    public record State(String name, Optional<ReadinessCheck.Result> result, Optional<Instant> checkedAt) {
    }

    /**
     * What {@code /readyz} reports.
     *
     * @param takenAt when the snapshot was taken
     * @param serving whether the bot had started every part when it was taken
     * @param states  every check's latest state, in the order they were given
     */
    public record Snapshot(Instant takenAt, boolean serving, List<State> states, Duration staleAfter) {

        /** The bot serves, and every check has a result, it is fresh, and it passed. */
        public boolean ready() {
            return serving && states.stream().allMatch(state -> state.result().map(ReadinessCheck.Result::ok).orElse(false)
                    && !isStale(state));
        }

        /** How old a check's result is, or empty before it first came in. */
        public Optional<Duration> age(State state) {
            return state.checkedAt().map(checkedAt -> Duration.between(checkedAt, takenAt));
        }

        public boolean isStale(State state) {
            return age(state).map(age -> age.compareTo(staleAfter) > 0).orElse(false);
        }

        /** The age of the oldest result, or empty while a check has none yet. */
        public Optional<Duration> oldest() {
            List<Duration> ages = new ArrayList<>();
            for (State state : states) {
                Optional<Duration> age = age(state);
                if (age.isEmpty()) {
                    return Optional.empty();
                }
                ages.add(age.get());
            }
            return ages.stream().max(Duration::compareTo);
        }
    }

    private record Checked(ReadinessCheck.Result result, Instant at) {
    }

    private final List<Scheduled> checks;
    private final Clock clock;
    private final Duration staleAfter;
    private final Map<String, Checked> latest = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean serving;

    public ReadinessMonitor(List<Scheduled> checks, Clock clock, Duration staleAfter) {
        this.checks = List.copyOf(checks);
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Starts every check at once, then on its schedule. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        scheduler = Executors.newScheduledThreadPool(Math.max(1, checks.size()), runnable -> {
            Thread thread = new Thread(runnable, "luvhive-readiness");
            thread.setDaemon(true);
            return thread;
        });
        for (Scheduled scheduled : checks) {
            scheduler.scheduleWithFixedDelay(() -> refresh(scheduled.check()), 0, scheduled.every().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Runs one check now and keeps its result (what the schedule does; tests call it directly). */
    void refresh(ReadinessCheck check) {
        ReadinessCheck.Result result;
        try {
            result = check.run();
        } catch (RuntimeException failure) { // a scheduled task that throws is never run again
            LOG.warn("Readiness check {} failed unexpectedly", check.name(), failure);
            result = new ReadinessCheck.Result(false, 0, failure.getClass().getSimpleName());
        }
        latest.put(check.name(), new Checked(result, clock.instant()));
    }

    /** Every part of the bot has started: from now on the checks alone decide readiness. */
    public void markServing() {
        serving = true;
    }

    public Snapshot snapshot() {
        List<State> states = new ArrayList<>();
        for (Scheduled scheduled : checks) {
            Optional<Checked> checked = Optional.ofNullable(latest.get(scheduled.check().name()));
            states.add(new State(scheduled.check().name(), checked.map(Checked::result), checked.map(Checked::at)));
        }
        return new Snapshot(clock.instant(), serving, states, staleAfter);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow(); // a check under way is interrupted; its result no longer matters
        }
    }
}
