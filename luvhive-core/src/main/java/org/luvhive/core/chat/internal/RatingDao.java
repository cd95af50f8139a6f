package org.luvhive.core.chat.internal;

import java.time.Instant;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.luvhive.core.chat.RatingSummary;

/** Rows of {@code ratings}. */
public interface RatingDao {

    @SqlUpdate("""
            insert into ratings (chat_id, rater_id, rated_id, value, created_at)
            values (:chatId, :raterId, :ratedId, :value, :now)
            on conflict do nothing
            """)
    int rate(@Bind("chatId") long chatId, @Bind("raterId") long raterId, @Bind("ratedId") long ratedId,
             @Bind("value") int value, @Bind("now") Instant now);

    /** Thumbs up and down the user received. */
    @SqlQuery("""
            select count(*) filter (where value > 0) as up, count(*) filter (where value < 0) as down
            from ratings where rated_id = :userId
            """)
    @RegisterConstructorMapper(RatingSummary.class)
    RatingSummary summaryOf(@Bind("userId") long userId);

    @SqlQuery("select count(*) from ratings where rater_id = :userId")
    long countGivenBy(@Bind("userId") long userId);

    /** Ratings the user gave and got. */
    @SqlUpdate("delete from ratings where rater_id = :userId or rated_id = :userId")
    int deleteOf(@Bind("userId") long userId);
}
