package org.luvhive.core.db;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Times every statement Jdbi runs into the {@value #METER} timer (with a histogram, so
 * p95 can be computed over a window), tagged by outcome. This is what the "DB p95 over
 * 200 ms" alert reads. Each statement's time also goes into {@link StatementTimings}, by
 * statement, for {@code luvhive db slow}. Thread-safe.
 */
public final class QueryTimingSqlLogger implements SqlLogger {

    public static final String METER = "luvhive.db.query";

    private final Timer succeeded;
    private final Timer failed;
    private final StatementTimings statements;

    public QueryTimingSqlLogger(MeterRegistry registry) {
        this(registry, new StatementTimings());
    }

    public QueryTimingSqlLogger(MeterRegistry registry, StatementTimings statements) {
        this.succeeded = timer(registry, "success");
        this.failed = timer(registry, "error");
        this.statements = statements;
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
        var end = context.getCompletionMoment() != null ? context.getCompletionMoment() : context.getExceptionMoment();
        if (context.getExecutionMoment() != null && end != null) {
            Duration took = Duration.between(context.getExecutionMoment(), end);
            timer.record(took);
            statements.record(statementName(context), took, failure);
        }
    }

    /** {@code Dao.method} for a SqlObject's statement, else the statement's text. */
    private static String statementName(StatementContext context) {
        ExtensionMethod method = context.getExtensionMethod();
        if (method != null && method.getMethod() != null) {
            return method.getType().getSimpleName() + "." + method.getMethod().getName();
        }
        return StatementTimings.textKey(context.getRawSql() == null ? "?" : context.getRawSql());
    }
}
