package org.luvhive.cli.db;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.config.DatabaseUrl;

/** A session of its own running {@code pg_sleep} on a thread, as a real long query for the db commands to find. */
final class Sleeper implements AutoCloseable {

    private final Connection connection;
    private final Jdbi observer;
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    private Sleeper(Connection connection, Jdbi observer) {
        this.connection = connection;
        this.observer = observer;
    }

    /** Connects to {@code url} as {@code role} under {@code applicationName}; {@code observer} watches pg_stat_activity. */
    static Sleeper connect(DatabaseUrl url, String role, String applicationName, Jdbi observer) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        properties.setProperty("ApplicationName", applicationName);
        return new Sleeper(DriverManager.getConnection(url.jdbcUrl(), properties), observer);
    }

    /** Creates a login role that is not a superuser, once per server. */
    static void ensureRole(Jdbi jdbi, String role) {
        jdbi.useHandle(handle -> handle.execute("do $$ begin if not exists (select from pg_roles where rolname = '"
                + role + "') then create role " + role + " login nosuperuser; end if; end $$"));
    }

    int pid() {
        try (Statement statement = connection.createStatement(); var result = statement.executeQuery(
                "select pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Starts {@code select pg_sleep(seconds)} and waits until the server shows it running. */
    int sleep(int seconds) {
        int pid = pid();
        running = CompletableFuture.runAsync(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_sleep(" + seconds + ")");
            } catch (SQLException failure) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> observer.withHandle(handle -> handle.createQuery(
                        "select count(*) from pg_stat_activity where pid = :pid and state = 'active' "
                                + "and query like 'select pg_sleep%'")
                .bind("pid", pid).mapTo(Integer.class).one()) == 1);
        return pid;
    }

    /** How the sleep ended. */
    CompletableFuture<Void> running() {
        return running;
    }

    boolean alive() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select 1");
            return true;
        } catch (SQLException gone) {
            return false;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
