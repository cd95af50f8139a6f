package org.luvhive.core.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * This process's time in the database per statement, since it started: what
 * {@code luvhive db slow} shows when the server has no {@code pg_stat_statements}. A
 * statement is named by its DAO method ({@code OutboxDao.claim}) or, for SQL written in
 * place, by its text with whitespace collapsed, cut at {@value #MAX_TEXT} characters.
 * At most {@value #MAX_STATEMENTS} statements are told apart; any beyond are counted
 * together as {@value #OTHERS}. Thread-safe; recording is lock-free.
 */
public final class StatementTimings {

    public static final String OTHERS = "(other statements)";
    static final int MAX_STATEMENTS = 1000;
    static final int MAX_TEXT = 200;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    /** Adds one execution of {@code statement}. */
    public void record(String statement, Duration took, boolean failed) {
        Tally tally = tallies.get(statement);
        if (tally == null) {
            String key = tallies.size() >= MAX_STATEMENTS ? OTHERS : statement;
            tally = tallies.computeIfAbsent(key, ignored -> new Tally());
        }
        tally.add(took.toNanos(), failed);
    }

    /** Every statement's totals now, the most total time first. */
    public List<StatementTiming> snapshot() {
        List<StatementTiming> timings = new ArrayList<>(tallies.size());
        tallies.forEach((statement, tally) -> timings.add(tally.read(statement)));
        timings.sort(Comparator.comparingDouble(StatementTiming::totalMillis).reversed());
        return timings;
    }

    /** The name a statement is recorded under when it has no DAO method: its text, whitespace collapsed. */
    public static String textKey(String sql) {
        String collapsed = WHITESPACE.matcher(sql.strip()).replaceAll(" ");
        return collapsed.length() <= MAX_TEXT ? collapsed : collapsed.substring(0, MAX_TEXT) + "…";
    }

    /**
     * One statement's totals.
     *
     * @param statement   its name
     * @param calls       executions, failed ones included
     * @param errors      failed executions
     * @param totalMillis time spent in all of them
     * @param maxMillis   the longest one
     */
    public record StatementTiming(String statement, long calls, long errors, double totalMillis, double maxMillis) {

        public double meanMillis() {
            return calls == 0 ? 0 : totalMillis / calls;
        }
    }

    private static final class Tally {
        private final LongAdder calls = new LongAdder();
        private final LongAdder errors = new LongAdder();
        private final LongAdder nanos = new LongAdder();
        private final AtomicLong maxNanos = new AtomicLong();

        void add(long took, boolean failed) {
            calls.increment();
            if (failed) {
                errors.increment();
            }
            nanos.add(took);
            maxNanos.accumulateAndGet(took, Math::max);
        }

        StatementTiming read(String statement) {
            return new StatementTiming(statement, calls.sum(), errors.sum(), nanos.sum() / 1e6, maxNanos.get() / 1e6);
        }
    }
}
