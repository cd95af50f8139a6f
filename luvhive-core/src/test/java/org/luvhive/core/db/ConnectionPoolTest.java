package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** The running pool's figures, soft reset and resizing, on a real HikariCP pool and server. */
@ExtendWith(PostgresExtension.class)
class ConnectionPoolTest {

    private final TestDatabase testDatabase;
    private final List<Connection> borrowed = Collections.synchronizedList(new ArrayList<>());
    private Database database;

    ConnectionPoolTest(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    @BeforeEach
    void open() {
        database = Database.connect(testDatabase.url(), PoolSettings.of(2, "pool-test"), new SimpleMeterRegistry());
    }

    @AfterEach
    void close() throws SQLException {
        try {
            for (Connection connection : List.copyOf(borrowed)) {
                connection.close();
            }
        } finally {
            database.close();
        }
    }

    private Connection borrow() throws SQLException {
        Connection connection = database.dataSource().getConnection();
        borrowed.add(connection);
        return connection;
    }

    private CompletableFuture<Integer> borrowLater() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Connection connection = database.dataSource().getConnection();
                borrowed.add(connection);
                return backendPid(connection);
            } catch (SQLException failure) {
                throw new IllegalStateException(failure);
            }
        });
    }

    @Test
    void figuresShowLentConnectionsAndWaitingThreads() throws Exception {
        borrow();
        borrow();
        CompletableFuture<Integer> third = borrowLater();

        await().atMost(Duration.ofSeconds(2)).until(() -> database.pool().figures().waiting() == 1);
        PoolFigures figures = database.pool().figures();

        assertThat(figures).isEqualTo(new PoolFigures(2, 0, 1, 2));
        assertThat(figures.full()).isTrue();
        assertThatThrownBy(() -> third.get(6, TimeUnit.SECONDS)).hasMessageContaining("Connection is not available");
    }

    @Test
    void aLargerMaximumServesAWaitingThreadAtOnce() throws Exception {
        borrow();
        borrow();
        CompletableFuture<Integer> third = borrowLater();
        await().atMost(Duration.ofSeconds(2)).until(() -> database.pool().figures().waiting() == 1);

        database.pool().resize(3);

        assertThat(third.get(1, TimeUnit.SECONDS)).isPositive();
        await().atMost(Duration.ofSeconds(1)).until(() -> database.pool().figures().equals(new PoolFigures(3, 0, 0, 3)));
        assertThat(database.pool().maximumSize()).isEqualTo(3);
    }

    @Test
    void aSmallerMaximumClosesTheExtraConnectionsAsTheyComeBack() throws Exception {
        Connection first = borrow();
        Connection second = borrow();
        int firstPid = backendPid(first);

        database.pool().resize(1);
        second.close();
        borrowed.remove(second);

        await().atMost(Duration.ofSeconds(2)).until(() -> serverSessions() == 1);
        assertThat(backendPid(first)).as("work in flight goes on").isEqualTo(firstPid);
        first.close();
        borrowed.remove(first);
        await().atMost(Duration.ofSeconds(2)).until(() -> serverSessions() <= 1);
        Connection again = borrow();
        assertThat(database.pool().figures()).isEqualTo(new PoolFigures(1, 0, 0, 1));
        assertThat(backendPid(again)).isPositive();
    }

    @Test
    void aSoftResetReplacesIdleConnectionsNowAndLentOnesWhenTheyComeBack() throws Exception {
        Connection lent = borrow();
        int lentPid = backendPid(lent);
        Connection idle = borrow();
        int idlePid = backendPid(idle);
        idle.close();
        borrowed.remove(idle);

        database.pool().softReset();

        await().atMost(Duration.ofSeconds(2)).until(() -> !sessionAlive(idlePid));
        assertThat(backendPid(lent)).as("the lent connection finishes its work").isEqualTo(lentPid);
        lent.close();
        borrowed.remove(lent);
        await().atMost(Duration.ofSeconds(2)).until(() -> !sessionAlive(lentPid));
        int fresh = backendPid(borrow());
        assertThat(fresh).isNotIn(lentPid, idlePid);
    }

    @Test
    void refusesAPoolOfNoConnection() {
        assertThatThrownBy(() -> database.pool().resize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private int serverSessions() {
        return testDatabase.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from pg_stat_activity where application_name = 'pool-test'").mapTo(Integer.class).one());
    }

    private boolean sessionAlive(int pid) {
        return testDatabase.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from pg_stat_activity where pid = :pid").bind("pid", pid).mapTo(Integer.class).one()) > 0;
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }
}
