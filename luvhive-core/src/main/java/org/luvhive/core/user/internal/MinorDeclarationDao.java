package org.luvhive.core.user.internal;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@code minor_declarations}: who ever typed an age under 18. Kept after {@code /delete_me}
 * (the profile goes, this stays), so signing up again with an adult age does not wash it out.
 */
public interface MinorDeclarationDao {

    /** Keeps the first time only. */
    @SqlUpdate("""
            insert into minor_declarations (user_id, declared_at) values (:userId, :now)
            on conflict (user_id) do nothing
            """)
    int declare(@Bind("userId") long userId, @Bind("now") Instant now);

    @SqlQuery("select exists (select 1 from minor_declarations where user_id = :userId)")
    boolean declared(@Bind("userId") long userId);
}
