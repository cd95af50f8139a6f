package org.luvhive.core.testing;

import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A Jdbi on a test database that adds the raw SQL of every statement it runs to a list:
 * for tests that count round trips ("one claim statement per pass", "one insert per
 * batch"). The list must be safe for the threads that use the Jdbi.
 */
public final class RecordingJdbi {

    private RecordingJdbi() {
    }

    /** A Jdbi on {@code dataSource} (with the SqlObject plugin, as production's) recording into {@code statements}. */
    public static Jdbi on(DataSource dataSource, List<String> statements) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.add(context.getRawSql());
            }
        });
        return jdbi;
    }
}
