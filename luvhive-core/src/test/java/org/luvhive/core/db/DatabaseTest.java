package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.Secret;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** The external-database path: a server named by URL, as DATABASE_URL gives it. */
@ExtendWith(PostgresExtension.class)
class DatabaseTest {

    private final TestDatabase testDatabase;

    DatabaseTest(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    @Test
    void connectsMigratesAndReportsTheLevel() {
        var url = testDatabase.server().createEmptyDatabase("luvhive_external");
        try (Database database = Database.connect(url, PoolSettings.of(2, "test"), new SimpleMeterRegistry())) {
            Migrations migrations = database.migrations();
            assertThat(migrations.current()).isEmpty();
            assertThat(migrations.pendingCount()).isPositive();

            int applied = database.migrate();

            assertThat(applied).isPositive();
            assertThat(migrations.pendingCount()).isZero();
            assertThat(migrations.current()).isEqualTo(migrations.latestKnown());
            assertThat(database.migrate()).isZero();
            Integer tables = database.jdbi().withHandle(handle -> handle.createQuery(
                    "select count(*) from information_schema.tables where table_name = 'ops_settings'")
                    .mapTo(Integer.class).one());
            assertThat(tables).isEqualTo(1);
        } finally {
            testDatabase.server().dropDatabase(url.database());
        }
    }

    @Test
    void timesEveryQueryIntoTheRegistry() {
        SimpleMeterRegistry registry = testDatabase.registry();
        long before = count(registry);

        testDatabase.jdbi().useHandle(handle -> {
            handle.createQuery("select 1").mapTo(Integer.class).one();
            handle.createQuery("select pg_sleep(0.05)").mapTo(String.class).one();
        });

        assertThat(count(registry) - before).isEqualTo(2);
        var timer = registry.get(QueryTimingSqlLogger.METER).tag("outcome", "success").timer();
        assertThat(timer.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(40);
    }

    @Test
    void failedQueriesAreTimedAsErrors() {
        SimpleMeterRegistry registry = testDatabase.registry();

        assertThatThrownBy(() -> testDatabase.jdbi().useHandle(handle -> handle.execute("select * from no_such_table")))
                .isInstanceOf(Exception.class);

        assertThat(registry.get(QueryTimingSqlLogger.METER).tag("outcome", "error").timer().count()).isPositive();
    }

    private static long count(SimpleMeterRegistry registry) {
        return registry.get(QueryTimingSqlLogger.METER).tag("outcome", "success").timer().count();
    }

    @Test
    void unreachableServerFailsFastWithOneLineAndNoPassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseUrl url = new DatabaseUrl("127.0.0.1", closedPort, "luvhive", "bot",
                Optional.of(Secret.of("do-not-print-me")), Map.of());
        long started = System.nanoTime();

        assertThatThrownBy(() -> Database.connect(url, new PoolSettings(2, Duration.ofSeconds(2), "test"),
                new SimpleMeterRegistry()))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot connect to database postgresql://bot:***@127.0.0.1:" + closedPort + "/luvhive: ")
                .hasMessageContaining("refused")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("do-not-print-me").doesNotContain("\n"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void wrongPasswordIsRefusedInOneLineWithoutThePassword() {
        testDatabase.jdbi().useHandle(handle -> handle.execute(
                "do $$ begin if not exists (select from pg_roles where rolname = 'pw_user') then "
                        + "create role pw_user login password 'right-one'; end if; end $$"));
        testDatabase.server().requirePasswordFor("pw_user");
        DatabaseUrl url = testDatabase.url();
        PoolSettings pool = new PoolSettings(1, Duration.ofSeconds(2), "test");
        DatabaseUrl right = new DatabaseUrl(url.host(), url.port(), url.database(), "pw_user",
                Optional.of(Secret.of("right-one")), Map.of());
        DatabaseUrl wrong = new DatabaseUrl(url.host(), url.port(), url.database(), "pw_user",
                Optional.of(Secret.of("wrong-password-xyz")), Map.of());

        try (Database database = Database.connect(right, pool, new SimpleMeterRegistry())) {
            String user = database.jdbi().withHandle(handle -> handle.createQuery("select current_user")
                    .mapTo(String.class).one());
            assertThat(user).isEqualTo("pw_user");
        }
        assertThatThrownBy(() -> Database.connect(wrong, pool, new SimpleMeterRegistry()))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot connect to database postgresql://pw_user:***@")
                .hasMessageContaining("password authentication failed for user \"pw_user\"")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("wrong-password-xyz")
                        .doesNotContain("\n"));
    }

    @Test
    void dedicatedConnectionIsOutsideThePool() throws Exception {
        try (var connection = testDatabase.database().openDedicatedConnection();
             var statement = connection.createStatement();
             var result = statement.executeQuery("select current_setting('application_name')")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("luvhive-test-dedicated");
        }
    }
}
