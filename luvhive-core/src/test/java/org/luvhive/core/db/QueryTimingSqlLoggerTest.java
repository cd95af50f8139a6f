package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * The oldest statement still running is gauged while it runs (a statement waiting on a
 * lock is in no histogram until it ends), and the gauge falls back to 0 when it is done.
 */
@ExtendWith(PostgresExtension.class)
class QueryTimingSqlLoggerTest {

    private final TestDatabase database;

    QueryTimingSqlLoggerTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void theOldestRunningStatementIsGaugedWhileItWaitsOnALockAndNotAfter() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        QueryTimingSqlLogger logger = new QueryTimingSqlLogger(registry);
        Jdbi jdbi = Jdbi.create(database.database().dataSource()).setSqlLogger(logger);
        assertThat(oldestRunning(registry)).isZero();

        CompletableFuture<Void> blocked;
        try (Connection script = database.database().openDedicatedConnection();
             Statement lock = script.createStatement()) {
            script.setAutoCommit(false);
            lock.execute("lock table ops_settings in access exclusive mode");
            blocked = CompletableFuture.runAsync(() -> jdbi.useHandle(handle ->
                    handle.createQuery("select count(*) from ops_settings").mapTo(Long.class).one()));
            await().atMost(Duration.ofSeconds(30)).until(() -> oldestRunning(registry) >= 0.3);
            assertThat(blocked).as("still waiting for the lock").isNotDone();
            script.rollback();
        }
        blocked.get(30, TimeUnit.SECONDS);
        assertThat(oldestRunning(registry)).isZero();
        assertThat(registry.get(QueryTimingSqlLogger.METER).tag("outcome", "success").timer().count()).isEqualTo(1);
    }

    private static double oldestRunning(SimpleMeterRegistry registry) {
        return registry.get(QueryTimingSqlLogger.OLDEST_RUNNING).gauge().value();
    }
}
