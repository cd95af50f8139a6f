package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestPostgresServer;

/**
 * {@link Database#switchTo}: a running program's pool, Jdbi, sessions and schema move to
 * another database; an unusable target changes nothing.
 */
@ExtendWith(PostgresExtension.class)
class DatabaseSwitchTest {

    private final TestPostgresServer server;

    DatabaseSwitchTest(TestPostgresServer server) {
        this.server = server;
    }

    @Test
    void everythingMovesToTheNewDatabaseMigratedAndOldSessionsAreClosed() throws Exception {
        DatabaseUrl first = server.createMigratedDatabase("switch_from");
        DatabaseUrl second = server.createEmptyDatabase("switch_to");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Database database = Database.connect(first, PoolSettings.of(3, "test"), registry);
             Connection session = database.openDedicatedConnection()) {
            assertThat(currentDatabase(database)).isEqualTo(first.database());

            database.switchTo(second, SessionRoute.direct());

            assertThat(currentDatabase(database)).isEqualTo(second.database());
            assertThat(database.url().database()).isEqualTo(second.database());
            assertThat(database.migrations().pendingCount()).as("migrated on the way").isZero();
            assertThat(session.isClosed()).as("the old database's session was ended, so its holder reconnects").isTrue();
            try (Connection reopened = database.openDedicatedConnection();
                 Statement statement = reopened.createStatement();
                 ResultSet result = statement.executeQuery("select current_database()")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo(second.database());
            }
            assertThat(database.pool().figures().maximum()).isEqualTo(3);
            assertThat(registry.find("hikaricp.connections.max").gauge()).as("the new pool's metrics")
                    .isNotNull().satisfies(gauge -> assertThat(gauge.value()).isEqualTo(3.0));
        } finally {
            server.dropDatabase(first.database());
            server.dropDatabase(second.database());
        }
    }

    @Test
    void aMissingTargetIsRefusedAndTheDatabaseInUseStays() {
        DatabaseUrl first = server.createMigratedDatabase("switch_stay");
        try (Database database = Database.connect(first, PoolSettings.of(2, "test"), new SimpleMeterRegistry())) {
            assertThatThrownBy(() -> database.switchTo(first.withDatabase("luvhive_never_restored"), SessionRoute.direct()))
                    .isInstanceOf(DatabaseMissingException.class)
                    .hasMessageStartingWith("database 'luvhive_never_restored' does not exist on ");

            assertThat(currentDatabase(database)).isEqualTo(first.database());
            assertThat(database.url()).isEqualTo(first);
        } finally {
            server.dropDatabase(first.database());
        }
    }

    private static String currentDatabase(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select current_database()")
                .mapTo(String.class).one());
    }
}
