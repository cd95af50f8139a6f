package org.luvhive.bot.http;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/** The database answers {@code select 1} within a few seconds. */
public final class DatabaseCheck implements ReadinessCheck {

    private final DataSource dataSource;

    public DatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Result run() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(3);
            statement.execute("select 1");
            return new Result(true, elapsed(started), null);
        } catch (Exception failure) {
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return new Result(false, elapsed(started), message.lines().findFirst().orElse(message));
        }
    }

    static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
