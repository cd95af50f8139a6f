package org.luvhive.core.db;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Times every statement Jdbi runs into the {@value #METER} timer (with a histogram, so
 * p95 can be computed over a window), tagged by outcome, and gauges the age of the
 * oldest statement still running ({@value #OLDEST_RUNNING}, seconds). Both feed the "DB
 * p95 over 200 ms" alert: a statement blocked by a lock is in no histogram until it ends,
 * which may be never, and the gauge shows it while it waits. Each statement's time also
 * goes into {@link StatementTimings}, by statement, for {@code luvhive db slow}.
 * Thread-safe.
 */
public final class QueryTimingSqlLogger implements SqlLogger {

    public static final String METER = "luvhive.db.query";
    public static final String OLDEST_RUNNING = "luvhive.db.query.oldest.running";

    private final Timer succeeded;
    private final Timer failed;
    private final StatementTimings statements;
    /** The statements running now, by when each started (Jdbi's execution moment). */
    private final Map<StatementContext, Instant> running = new ConcurrentHashMap<>();
    /**
     * Each statement's name by its method or raw SQL (the same String for a statement
     * written as a constant): working a name out again collapsed the whitespace of the whole
     * SQL with a regular expression on every execution, 4% of the bot's CPU on the relay's
     * path (docs/performance.md). Bounded like {@link StatementTimings}: beyond it, names
     * are worked out each time.
     */
    private final Map<Object, String> names = new ConcurrentHashMap<>();
    private final Clock clock;

    public QueryTimingSqlLogger(MeterRegistry registry) {
        this(registry, new StatementTimings());
    }

    public QueryTimingSqlLogger(MeterRegistry registry, StatementTimings statements) {
        this(registry, statements, Clock.systemUTC()); // Jdbi stamps its moments with Instant.now()
    }

    QueryTimingSqlLogger(MeterRegistry registry, StatementTimings statements, Clock clock) {
        this.succeeded = timer(registry, "success");
        this.failed = timer(registry, "error");
        this.statements = statements;
        this.clock = clock;
        Gauge.builder(OLDEST_RUNNING, this, QueryTimingSqlLogger::oldestRunningSeconds)
                .description("Age of the oldest SQL statement still running through Jdbi (0 when none)")
                .baseUnit("seconds")
                .register(registry);
    }

    /** How long the oldest statement running now has been running, in seconds; 0 when none is. */
    double oldestRunningSeconds() {
        Instant now = clock.instant();
        Instant oldest = null;
        for (Instant started : running.values()) {
            if (oldest == null || started.isBefore(oldest)) {
                oldest = started;
            }
        }
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toNanos() / 1e9);
    }

    @Override
    public void logBeforeExecution(StatementContext context) {
        Instant started = context.getExecutionMoment();
        running.put(context, started != null ? started : clock.instant());
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder(METER)
                .description("Time to execute one SQL statement through Jdbi")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        record(succeeded, context, false);
    }

    @Override
    public void logException(StatementContext context, SQLException exception) {
        record(failed, context, true);
    }

    private void record(Timer timer, StatementContext context, boolean failure) {
        running.remove(context);
        var end = context.getCompletionMoment() != null ? context.getCompletionMoment() : context.getExceptionMoment();
        if (context.getExecutionMoment() != null && end != null) {
            Duration took = Duration.between(context.getExecutionMoment(), end);
            timer.record(took);
            statements.record(statementName(context), took, failure);
        }
    }

    /** {@code Dao.method} for a SqlObject's statement, else the statement's text. */
    private String statementName(StatementContext context) {
        ExtensionMethod method = context.getExtensionMethod();
        Object source = method != null && method.getMethod() != null ? method.getMethod()
                : context.getRawSql() == null ? "?" : context.getRawSql();
        String name = names.get(source);
        if (name == null) {
            name = method != null && method.getMethod() != null
                    ? method.getType().getSimpleName() + "." + method.getMethod().getName()
                    : StatementTimings.textKey((String) source);
            if (names.size() < StatementTimings.MAX_STATEMENTS) {
                names.putIfAbsent(source, name);
            }
        }
        return name;
    }
}
