package org.luvhive.core.user.internal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code users} columns of a user's own settings (/settings). */
public interface UserSettingsDao {

    @SqlQuery("select media_spoilers from users where user_id = :userId")
    Optional<Boolean> mediaSpoilers(@Bind("userId") long userId);

    @SqlUpdate("update users set media_spoilers = :on, updated_at = :now where user_id = :userId")
    int setMediaSpoilers(@Bind("userId") long userId, @Bind("on") boolean on, @Bind("now") Instant now);

    @SqlQuery("select wide_age_range from users where user_id = :userId")
    Optional<Boolean> wideAgeRange(@Bind("userId") long userId);

    @SqlUpdate("update users set wide_age_range = :on, updated_at = :now where user_id = :userId")
    int setWideAgeRange(@Bind("userId") long userId, @Bind("on") boolean on, @Bind("now") Instant now);

}
