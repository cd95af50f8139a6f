package org.luvhive.core.db;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Times every statement Jdbi runs into the {@value #METER} timer (with a histogram, so
 * p95 can be computed over a window), tagged by outcome. This is what the "DB p95 over
 * 200 ms" alert reads. Thread-safe.
 */
public final class QueryTimingSqlLogger implements SqlLogger {

    public static final String METER = "luvhive.db.query";

    private final Timer succeeded;
    private final Timer failed;

    public QueryTimingSqlLogger(MeterRegistry registry) {
        this.succeeded = timer(registry, "success");
        this.failed = timer(registry, "error");
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
        record(succeeded, context);
    }

    @Override
    public void logException(StatementContext context, SQLException exception) {
        record(failed, context);
    }

    private static void record(Timer timer, StatementContext context) {
        var end = context.getCompletionMoment() != null ? context.getCompletionMoment() : context.getExceptionMoment();
        if (context.getExecutionMoment() != null && end != null) {
            timer.record(Duration.between(context.getExecutionMoment(), end));
        }
    }
}
