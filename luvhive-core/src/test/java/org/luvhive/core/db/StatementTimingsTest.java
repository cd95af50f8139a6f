package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.db.StatementTimings.StatementTiming;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** Every statement Jdbi runs is timed by name: its DAO method, or its text. */
@ExtendWith(PostgresExtension.class)
class StatementTimingsTest {

    private final TestDatabase database;

    StatementTimingsTest(TestDatabase database) {
        this.database = database;
    }

    /** A DAO of this test's own. */
    public interface SleepDao {
        @SqlQuery("select pg_sleep(0.02)::text")
        String sleep();
    }

    @Test
    void statementsAreNamedByTheirDaoMethodOrTheirTextAndTimed() {
        for (int round = 0; round < 2; round++) { // the second round finds each name worked out already
            database.jdbi().useHandle(handle -> {
                handle.createQuery("select   1 +\n 1").mapTo(Integer.class).one();
                handle.createQuery("select 1 + 1").mapTo(Integer.class).one();
            });
        }
        database.jdbi().useExtension(SleepDao.class, SleepDao::sleep);
        assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute("select from no_such_table")))
                .isInstanceOf(Exception.class);

        List<StatementTiming> timings = database.database().statementTimings().snapshot();

        assertThat(find(timings, "select 1 + 1").calls()).isEqualTo(4);
        StatementTiming sleep = find(timings, "SleepDao.sleep");
        assertThat(sleep.calls()).isEqualTo(1);
        assertThat(sleep.maxMillis()).isGreaterThanOrEqualTo(15);
        assertThat(sleep.totalMillis()).isEqualTo(sleep.maxMillis());
        StatementTiming failed = find(timings, "select from no_such_table");
        assertThat(failed.errors()).isEqualTo(1);
    }

    @Test
    void beyondTheLimitStatementsAreCountedTogether() {
        StatementTimings timings = new StatementTimings();
        for (int index = 0; index < StatementTimings.MAX_STATEMENTS + 5; index++) {
            timings.record("statement " + index, Duration.ofMillis(1), false);
        }

        List<StatementTiming> snapshot = timings.snapshot();

        assertThat(snapshot).hasSize(StatementTimings.MAX_STATEMENTS + 1);
        assertThat(find(snapshot, StatementTimings.OTHERS).calls()).isEqualTo(5);
        assertThat(StatementTimings.textKey("x".repeat(300))).hasSize(StatementTimings.MAX_TEXT + 1).endsWith("…");
    }

    private static StatementTiming find(List<StatementTiming> timings, String statement) {
        return timings.stream().filter(timing -> timing.statement().equals(statement)).findFirst()
                .orElseThrow(() -> new AssertionError(statement + " not in " + timings));
    }
}
