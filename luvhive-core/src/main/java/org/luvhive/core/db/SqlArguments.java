package org.luvhive.core.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.jdbi.v3.core.argument.Argument;

/**
 * Arguments bound as they are, for the statements of the relay's hot path: a value bound
 * through Jdbi's {@code bind(name, value)} is matched to an argument factory through the
 * statement's configuration on every execution, and a SqlObject call copies that
 * configuration and looks its mappers up again (jdbi#2406, #2617), which cost the relay
 * more CPU than its SQL (docs/performance.md). Used with a fluent statement and an
 * explicit row mapper, nothing is looked up. Stateless; thread-safe.
 */
public final class SqlArguments {

    private SqlArguments() {
    }

    /** A timestamptz column read as an instant (null when null). */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A bigint column that may be null. */
    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    public static Argument of(long value) {
        return (position, statement, context) -> statement.setLong(position, value);
    }

    public static Argument of(int value) {
        return (position, statement, context) -> statement.setInt(position, value);
    }

    /** A bigint that may be null. */
    public static Argument ofNullable(Long value) {
        return value == null
                ? (position, statement, context) -> statement.setNull(position, Types.BIGINT)
                : of(value.longValue());
    }

    /** Text, or null. */
    public static Argument of(String value) {
        return value == null
                ? (position, statement, context) -> statement.setNull(position, Types.VARCHAR)
                : (position, statement, context) -> statement.setString(position, value);
    }

    /** A timestamptz (an instant), or null. */
    public static Argument of(Instant value) {
        return value == null
                ? (position, statement, context) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE)
                : (position, statement, context) -> statement.setObject(position, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    /** A bigint[]. */
    public static Argument of(long[] values) {
        Long[] boxed = Arrays.stream(values).boxed().toArray(Long[]::new);
        return (position, statement, context) ->
                statement.setArray(position, statement.getConnection().createArrayOf("bigint", boxed));
    }

    /** A bigint[] whose elements may be null. */
    public static Argument ofNullable(Long[] values) {
        return (position, statement, context) ->
                statement.setArray(position, statement.getConnection().createArrayOf("bigint", values));
    }

    /** A text[]. */
    public static Argument of(String[] values) {
        return (position, statement, context) ->
                statement.setArray(position, statement.getConnection().createArrayOf("text", values));
    }
}
