package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** Connections outside the pool, and the one a short-lived command opens ahead while it starts up. */
@ExtendWith(PostgresExtension.class)
class DedicatedConnectionsTest {

    private final TestDatabase database;

    DedicatedConnectionsTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void theConnectionOpenedAheadIsTheOneOpenReturnsAndTheNextIsNew() throws Exception {
        DedicatedConnections connections = new DedicatedConnections(database.url(), PoolSettings.of(1, "ahead-test"));

        connections.openAhead();
        try (Connection first = connections.open(); Connection second = connections.open()) {
            assertThat(backendPid(first)).isNotEqualTo(backendPid(second));
            assertThat(applicationName(first)).isEqualTo("ahead-test-dedicated");
        }
    }

    @Test
    void aConnectionOpenedAheadThatNobodyTookIsClosed() throws Exception {
        DedicatedConnections connections = new DedicatedConnections(database.url(), PoolSettings.of(1, "unused-ahead"));

        connections.openAhead();
        connections.closeUnused();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sessionsNamed("unused-ahead-dedicated") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sessionsNamed("unused-ahead-dedicated")).isZero();
    }

    @Test
    void aFailureToConnectAheadIsThrownByOpenAsUsual() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseUrl unreachable = DatabaseUrl.parse("postgresql://bot:never-printed@127.0.0.1:" + closedPort + "/luvhive");
        DedicatedConnections connections = new DedicatedConnections(unreachable, PoolSettings.of(1, "ahead-test"));

        connections.openAhead();

        assertThatThrownBy(connections::open).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot connect to database postgresql://bot:***@127.0.0.1:" + closedPort)
                .hasMessageNotContaining("never-printed");
    }

    private long sessionsNamed(String applicationName) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "select count(*) from pg_stat_activity where application_name = :name")
                .bind("name", applicationName).mapTo(Long.class).one());
    }

    private static int backendPid(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static String applicationName(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select current_setting('application_name')")) {
            row.next();
            return row.getString(1);
        }
    }
}
