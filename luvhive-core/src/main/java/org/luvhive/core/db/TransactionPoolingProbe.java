package org.luvhive.core.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out whether a URL leads to a transaction pooler (PgBouncer in transaction or
 * statement mode, or any pooler like it), by the one behaviour that matters: whether a
 * client's session keeps its server connection between transactions. Client A asks
 * for its server process id; client B opens a transaction and asks for its own; A asks
 * again. Straight to PostgreSQL (or through a session pooler) A keeps its process and B
 * has another; through a transaction pooler B is handed the process A just released, or
 * A comes back on another one (or waits for one). A few rounds make a busy pooler,
 * which may hand out other idle processes, show it too. Stateless.
 */
final class TransactionPoolingProbe {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionPoolingProbe.class);
    private static final int ROUNDS = 3;
    private static final Duration WAIT = Duration.ofSeconds(2);

    private TransactionPoolingProbe() {
    }

    /** Whether sessions opened by {@code connections} lose their server connection between transactions. */
    static boolean transactionPooled(DedicatedConnections connections) {
        try (Connection first = connections.open(); Connection second = connections.open()) {
            for (int round = 0; round < ROUNDS; round++) {
                if (sharesServerProcesses(first, second)) {
                    return true;
                }
            }
            return false;
        } catch (SQLException failure) {
            throw new DatabaseUnavailableException("cannot tell whether " + connections.url().masked()
                    + " is a transaction pooler: " + failure.getMessage(), failure);
        }
    }

    private static boolean sharesServerProcesses(Connection first, Connection second) throws SQLException {
        int before = backendPid(first);
        second.setAutoCommit(false);
        try {
            int other = backendPid(second);
            CompletableFuture<Integer> again = CompletableFuture.supplyAsync(() -> {
                try {
                    return backendPid(first);
                } catch (SQLException failure) {
                    throw new IllegalStateException(failure.getMessage(), failure);
                }
            });
            Integer after;
            try {
                after = again.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException waitsForAServer) {
                LOG.debug("The first session waits for a server connection while the second holds a transaction");
                second.commit(); // lets it finish before the connections close
                joinQuietly(again);
                return true;
            } catch (ExecutionException failure) {
                throw new SQLException(failure.getCause().getMessage(), failure.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while probing for a transaction pooler", interrupted);
            }
            return other == before || after != before;
        } finally {
            second.commit();
            second.setAutoCommit(true);
        }
    }

    private static void joinQuietly(CompletableFuture<Integer> pending) {
        try {
            pending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException ignored) {
            // the connection is closed next anyway
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }
}
