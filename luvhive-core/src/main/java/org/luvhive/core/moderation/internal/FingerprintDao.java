package org.luvhive.core.moderation.internal;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code message_fingerprints}: their cleanup (the screening writes them through {@code ModerationRows}). */
public interface FingerprintDao {

    @SqlUpdate("delete from message_fingerprints where at < :before")
    int deleteBefore(@Bind("before") Instant before);

    @SqlUpdate("delete from message_fingerprints where user_id = :userId")
    int deleteOf(@Bind("userId") long userId);
}
