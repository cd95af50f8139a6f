package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.testing.PgBouncer;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.postgresql.PGConnection;

/** Which URLs are transaction poolers, found by behaviour, against a real PgBouncer. */
@ExtendWith(PostgresExtension.class)
class TransactionPoolingProbeTest {

    @TempDir
    Path home;

    private final TestDatabase database;

    TransactionPoolingProbeTest(TestDatabase database) {
        this.database = database;
    }

    private DedicatedConnections connections(DatabaseUrl url) {
        return DedicatedConnections.preparingNothing(url, PoolSettings.of(2, "probe-test"));
    }

    @Test
    void theServerItselfAndASessionPoolerKeepSessions() {
        assertThat(TransactionPoolingProbe.transactionPooled(connections(database.url()))).isFalse();
        try (PgBouncer sessionPooler = PgBouncer.inFrontOf(database.url(), "session")) {
            assertThat(TransactionPoolingProbe.transactionPooled(connections(sessionPooler.url(database.url()))))
                    .as(sessionPooler.log()).isFalse();
        }
    }

    @Test
    void aTransactionPoolerIsFoundAndLeavesSessionsToTheDirectUrl() throws Exception {
        try (PgBouncer pooler = PgBouncer.inFrontOf(database.url())) {
            var pooled = pooler.url(database.url());
            assertThat(TransactionPoolingProbe.transactionPooled(connections(pooled))).as(pooler.log()).isTrue();

            Map<String, String> environment = new HashMap<>(Map.of("DATABASE_URL", pooled.revealed()));
            LuvhiveConfig withoutDirect = new ConfigLoader(home).load(environment);
            try (Database database = new DatabaseConnector(new SimpleMeterRegistry()).open(withoutDirect, "probe-test",
                    "pooled-1")) {
                assertThat(database.sessionRoute()).isEqualTo(SessionRoute.pooled(Optional.empty()));
                int one = database.jdbi().withHandle(handle -> handle.createQuery("select 1").mapTo(Integer.class).one());
                assertThat(one).as("the pool works through the pooler").isOne();
                assertThatThrownBy(database::openDedicatedConnection).isInstanceOf(ConfigException.class)
                        .hasMessageContaining("DATABASE_DIRECT_URL: is required: postgresql://")
                        .hasMessageContaining(":" + pooler.port() + "/" + this.database.name()
                                + " is a transaction pooler (PgBouncer?)");
            }

            environment.put("DATABASE_DIRECT_URL", this.database.url().revealed());
            LuvhiveConfig withDirect = new ConfigLoader(home).load(environment);
            try (Database database = new DatabaseConnector(new SimpleMeterRegistry()).open(withDirect, "probe-test",
                    "pooled-2");
                 Connection pooledConnection = database.dataSource().getConnection()) {
                assertThat(database.sessionRoute().directUrl()).contains(this.database.url());
                assertThat(TransactionPoolingProbe.transactionPooled(database.dedicatedConnections()))
                        .as("dedicated connections keep their sessions").isFalse();
                assertThat(pooledConnection.unwrap(PGConnection.class).getPrepareThreshold())
                        .as("no statement is prepared on a server connection the next transaction may not get")
                        .isZero();
            }
        }
    }
}
