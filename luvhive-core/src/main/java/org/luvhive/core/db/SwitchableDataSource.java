package org.luvhive.core.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool a {@link Database} lends from, replaceable while the program runs: Jdbi, the
 * readiness check and the shared rate limiter hold this one object, and after a
 * {@link Database#switchTo} their next connection comes from the new pool.
 * Thread-safe.
 */
final class SwitchableDataSource implements DataSource {

    private volatile HikariDataSource current;

    SwitchableDataSource(HikariDataSource first) {
        this.current = first;
    }

    HikariDataSource current() {
        return current;
    }

    /** Lends from {@code next} from now on; returns the pool it replaced (the caller closes it). */
    HikariDataSource replace(HikariDataSource next) {
        HikariDataSource previous = current;
        current = next;
        return previous;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return current.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return current.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return current.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        current.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        current.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return current.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return current.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : current.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || current.isWrapperFor(type);
    }
}
