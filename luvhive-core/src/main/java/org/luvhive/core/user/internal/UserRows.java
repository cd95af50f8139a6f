package org.luvhive.core.user.internal;

import static org.luvhive.core.db.SqlArguments.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.luvhive.core.db.SqlArguments;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.user.Gender;
import org.luvhive.core.user.OnboardingStep;
import org.luvhive.core.user.UserProfile;

/**
 * The profile lookup every message pays for, through the fluent API with its row mapper
 * given ({@link SqlArguments} says why); the rest of {@code users} is {@link UserDao}'s.
 * Stateless; thread-safe.
 */
public final class UserRows {

    private static final String FIND = "select " + UserDao.COLUMNS + " from users where user_id = :userId";

    /** Reads a row of {@link UserDao#COLUMNS}. */
    public static final RowMapper<UserProfile> PROFILE = (row, context) -> new UserProfile(row.getLong("user_id"),
            named(OnboardingStep.class, row, "onboarding_step"), instant(row, "consent_at"),
            named(Gender.class, row, "gender"), integer(row, "age"), integer(row, "pending_age"),
            row.getString("country"), row.getString("city"), row.getString("interests"), row.getString("pending_input"),
            named(Gender.class, row, "filter_gender"), integer(row, "filter_age_min"), integer(row, "filter_age_max"),
            row.getBoolean("filter_same_city"), instant(row, "premium_until"), instant(row, "last_boost_at"),
            instant(row, "created_at"), named(Language.class, row, "language"), row.getBoolean("filter_same_language"));

    private UserRows() {
    }

    public static Optional<UserProfile> find(Handle handle, long userId) {
        return handle.createQuery(FIND).bind("userId", SqlArguments.of(userId)).map(PROFILE).findOne();
    }

    private static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** An enum stored by name (the query upper-cases it), or null. */
    private static <E extends Enum<E>> E named(Class<E> type, ResultSet row, String column) throws SQLException {
        String name = row.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
