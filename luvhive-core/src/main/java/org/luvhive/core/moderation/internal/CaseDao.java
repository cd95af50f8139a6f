package org.luvhive.core.moderation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code moderation_cases}, {@code matching_holds} and {@code moderation_appeals}; cases of reports. */
@RegisterConstructorMapper(CaseRow.class)
public interface CaseDao {

    /**
     * The user's open case, opened now or raised to {@code priority} (never lowered); its
     * reason is the one of the highest priority so far.
     */
    @SqlQuery("""
            insert into moderation_cases (user_id, priority, reason, opened_at, updated_at)
            values (:userId, :priority, :reason, :now, :now)
            on conflict (user_id) where status = 'open' do update
                set updated_at = excluded.updated_at,
                    reason = case when excluded.priority > moderation_cases.priority then excluded.reason
                                  else moderation_cases.reason end,
                    priority = greatest(moderation_cases.priority, excluded.priority)
            returning id
            """)
    long open(@Bind("userId") long userId, @Bind("priority") int priority, @Bind("reason") String reason,
              @Bind("now") Instant now);

    @SqlQuery("""
            select c.*, (select count(*) from reports r where r.case_id = c.id) as reports,
                   (select count(distinct r.reporter_id) from reports r where r.case_id = c.id) as reporters,
                   exists (select 1 from matching_holds h where h.user_id = c.user_id) as held,
                   (select string_agg(distinct r.reason, ',') from reports r where r.case_id = c.id) as report_reasons
            from moderation_cases c
            where c.status = 'open'
            order by c.priority desc, c.updated_at desc
            limit :limit
            """)
    List<CaseRow> openCases(@Bind("limit") int limit);

    @SqlQuery("""
            select c.*, (select count(*) from reports r where r.case_id = c.id) as reports,
                   (select count(distinct r.reporter_id) from reports r where r.case_id = c.id) as reporters,
                   exists (select 1 from matching_holds h where h.user_id = c.user_id) as held,
                   (select string_agg(distinct r.reason, ',') from reports r where r.case_id = c.id) as report_reasons
            from moderation_cases c where c.id = :id for update of c
            """)
    Optional<CaseRow> findForUpdate(@Bind("id") long id);

    @SqlQuery("select count(*) from moderation_cases where status = 'open'")
    long countOpen();

    @SqlUpdate("""
            update moderation_cases set status = 'closed', closed_at = :now, closed_by = :by, resolution = :resolution
            where id = :id and status = 'open'
            """)
    int close(@Bind("id") long id, @Bind("by") long by, @Bind("resolution") String resolution,
              @Bind("now") Instant now);

    @SqlUpdate("update reports set case_id = :caseId where id = :reportId")
    void attachReport(@Bind("reportId") long reportId, @Bind("caseId") long caseId);

    @SqlQuery("""
            select count(distinct reporter_id) from reports
            where reported_id = :userId and created_at > :since
            """)
    int distinctReportersSince(@Bind("userId") long userId, @Bind("since") Instant since);

    @SqlUpdate("""
            update reports set status = :status, resolved_by = :by, resolved_at = :now
            where case_id = :caseId and status = 'open'
            """)
    int resolveReports(@Bind("caseId") long caseId, @Bind("status") String status, @Bind("by") long by,
                       @Bind("now") Instant now);

    @SqlUpdate("""
            insert into matching_holds (user_id, case_id, since) values (:userId, :caseId, :now)
            on conflict (user_id) do nothing
            """)
    int hold(@Bind("userId") long userId, @Bind("caseId") long caseId, @Bind("now") Instant now);

    @SqlQuery("select exists (select 1 from matching_holds where user_id = :userId)")
    boolean isHeld(@Bind("userId") long userId);

    @SqlUpdate("delete from matching_holds where user_id = :userId")
    int release(@Bind("userId") long userId);

    /** 1 when the appeal was recorded, 0 when that decision was appealed before. */
    @SqlUpdate("""
            insert into moderation_appeals (decision_id, user_id, case_id, text, at)
            values (:decisionId, :userId, :caseId, :text, :now)
            on conflict (decision_id) do nothing
            """)
    int appeal(@Bind("decisionId") long decisionId, @Bind("userId") long userId, @Bind("caseId") long caseId,
               @Bind("text") String text, @Bind("now") Instant now);

    @SqlQuery("select exists (select 1 from moderation_appeals where decision_id = :decisionId)")
    boolean appealed(@Bind("decisionId") long decisionId);

    @SqlQuery("select text from moderation_appeals where case_id = :caseId order by at desc limit 1")
    Optional<String> latestAppeal(@Bind("caseId") long caseId);

    @SqlQuery("select count(*) from matching_holds")
    long countHeld();

    @SqlUpdate("delete from moderation_appeals where user_id = :userId")
    int deleteAppealsOf(@Bind("userId") long userId);
}
