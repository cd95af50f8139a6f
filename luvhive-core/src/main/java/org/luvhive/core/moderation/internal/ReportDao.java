package org.luvhive.core.moderation.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The counts of {@code luvhive violations report}, over a period and the one before it. */
@RegisterConstructorMapper(ReportDao.Count.class)
@RegisterConstructorMapper(ReportDao.Offender.class)
public interface ReportDao {

    /** A key's count in the period and in the period before. */
    record Count(String key, long current, long previous) {
    }

    /** A user and their rule hits and strikes in the period. */
    record Offender(long userId, long hits, long strikes) {
    }

    /** Rule hits by rule name or by rule kind ({@code <column>} is {@code rules} or {@code kinds}). */
    @SqlQuery("""
            select hit as key, count(*) filter (where d.at >= :from) as current,
                   count(*) filter (where d.at < :from) as previous
            from moderation_decisions d, unnest(d.<column>) as hit
            where d.at >= :previousFrom and d.at < :to
            group by hit order by current desc, previous desc, hit
            """)
    List<Count> hitsBy(@Define("column") String column, @Bind("previousFrom") Instant previousFrom,
                       @Bind("from") Instant from, @Bind("to") Instant to);

    /** Rule hits per UTC day of the period (days without any left out). */
    @SqlQuery("""
            select to_char(date_trunc('day', d.at at time zone 'UTC'), 'YYYY-MM-DD') as key,
                   count(*) as current, 0 as previous
            from moderation_decisions d, unnest(d.rules) as hit
            where d.at >= :from and d.at < :to
            group by 1 order by 1
            """)
    List<Count> hitsByDay(@Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            select action as key, count(*) filter (where at >= :from) as current,
                   count(*) filter (where at < :from) as previous
            from moderation_decisions
            where at >= :previousFrom and at < :to
            group by action order by current desc, action
            """)
    List<Count> decisionsByAction(@Bind("previousFrom") Instant previousFrom, @Bind("from") Instant from,
                                  @Bind("to") Instant to);

    @SqlQuery("""
            select user_id, count(*) as hits, count(*) filter (where strike) as strikes
            from moderation_decisions
            where at >= :from and at < :to and cardinality(rules) > 0
            group by user_id order by hits desc, strikes desc, user_id limit :limit
            """)
    List<Offender> topOffenders(@Bind("from") Instant from, @Bind("to") Instant to, @Bind("limit") int limit);
}
