package org.luvhive.core.moderation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code moderation_decisions} and {@code moderation_mutes}. */
@RegisterConstructorMapper(DecisionRow.class)
public interface DecisionDao {

    @SqlUpdate("""
            insert into moderation_decisions (user_id, chat_id, action, rules, kinds, level, strike, until, excerpt,
                                              decided_by, case_id, at)
            values (:userId, :chatId, :action, :rules, :kinds, :level, :strike, :until, :excerpt, :decidedBy, :caseId,
                    :at)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("userId") long userId, @Bind("chatId") Long chatId, @Bind("action") String action,
                @Bind("rules") String[] rules, @Bind("kinds") String[] kinds, @Bind("level") String level,
                @Bind("strike") boolean strike, @Bind("until") Instant until, @Bind("excerpt") String excerpt,
                @Bind("decidedBy") Long decidedBy, @Bind("caseId") Long caseId, @Bind("at") Instant at);

    @SqlQuery("select * from moderation_decisions where id = :id")
    Optional<DecisionRow> find(@Bind("id") long id);

    /** Strikes since {@code since} that no lift came after. */
    @SqlQuery("""
            select count(*) from moderation_decisions
            where user_id = :userId and strike and at > :since
              and at > coalesce((select max(at) from moderation_decisions
                                 where user_id = :userId and action = 'lift'), '-infinity')
            """)
    int liveStrikes(@Bind("userId") long userId, @Bind("since") Instant since);

    /** The user's latest mute or ban (the action an appeal is about). */
    @SqlQuery("""
            select * from moderation_decisions
            where user_id = :userId and action in ('mute', 'ban', 'report_mute')
            order by at desc, id desc limit 1
            """)
    Optional<DecisionRow> latestRestriction(@Bind("userId") long userId);

    @SqlQuery("select * from moderation_decisions where at >= :from and at < :to order by at, id")
    List<DecisionRow> between(@Bind("from") Instant from, @Bind("to") Instant to);

    @SqlUpdate("""
            insert into moderation_mutes (user_id, until, decision_id) values (:userId, :until, :decisionId)
            on conflict (user_id) do update set until = greatest(moderation_mutes.until, excluded.until),
                decision_id = case when excluded.until > moderation_mutes.until then excluded.decision_id
                                   else moderation_mutes.decision_id end
            """)
    void mute(@Bind("userId") long userId, @Bind("until") Instant until, @Bind("decisionId") long decisionId);

    @SqlQuery("select until from moderation_mutes where user_id = :userId and until > :now")
    Optional<Instant> mutedUntil(@Bind("userId") long userId, @Bind("now") Instant now);

    @SqlUpdate("delete from moderation_mutes where user_id = :userId")
    int unmute(@Bind("userId") long userId);

    @SqlUpdate("delete from moderation_mutes where until <= :now")
    int deleteEndedMutes(@Bind("now") Instant now);

    @SqlQuery("select count(*) from moderation_mutes where until > :now")
    long countMuted(@Bind("now") Instant now);

    @SqlQuery("select action, count(*) from moderation_decisions where at >= :since group by action order by action")
    @KeyColumn("action")
    @ValueColumn("count")
    Map<String, Long> countByActionSince(@Bind("since") Instant since);

    @SqlUpdate("update moderation_decisions set excerpt = null where at < :before and excerpt is not null")
    int dropExcerptsBefore(@Bind("before") Instant before);

    @SqlUpdate("delete from moderation_decisions where at < :before")
    int deleteBefore(@Bind("before") Instant before);

    @SqlUpdate("delete from moderation_decisions where user_id = :userId")
    int deleteOf(@Bind("userId") long userId);
}
