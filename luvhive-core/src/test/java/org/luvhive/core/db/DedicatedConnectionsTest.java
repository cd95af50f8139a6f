package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** Connections outside the pool: each its own session, and a failure that names the database but not the password. */
@ExtendWith(PostgresExtension.class)
class DedicatedConnectionsTest {

    private final TestDatabase database;

    DedicatedConnectionsTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void eachOpenIsASessionOfItsOwnNamedForItsApplication() throws Exception {
        DedicatedConnections connections = new DedicatedConnections(database.url(), PoolSettings.of(1, "own-test"));

        try (Connection first = connections.open(); Connection second = connections.open()) {
            assertThat(backendPid(first)).isNotEqualTo(backendPid(second));
            assertThat(applicationName(first)).isEqualTo("own-test-dedicated");
            assertThat(first.getAutoCommit()).isTrue();
        }
    }

    @Test
    void aFailureToConnectNamesTheUrlWithoutItsPassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseUrl unreachable = DatabaseUrl.parse("postgresql://bot:never-printed@127.0.0.1:" + closedPort + "/luvhive");
        DedicatedConnections connections = new DedicatedConnections(unreachable, PoolSettings.of(1, "own-test"));

        assertThatThrownBy(connections::open).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot connect to database postgresql://bot:***@127.0.0.1:" + closedPort)
                .hasMessageNotContaining("never-printed");
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
