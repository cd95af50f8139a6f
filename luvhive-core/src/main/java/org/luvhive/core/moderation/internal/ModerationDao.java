package org.luvhive.core.moderation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.luvhive.core.moderation.Report;

/** Rows of {@code blocks}, {@code bans}, {@code reports} and {@code admin_audit}. */
@RegisterConstructorMapper(Report.class)
public interface ModerationDao {

    /** Whether either of the two blocked or reported the other. */
    @SqlQuery("""
            select exists (select 1 from blocks where (blocker_id = :first and blocked_id = :second)
                                                   or (blocker_id = :second and blocked_id = :first))
                or exists (select 1 from reports where (reporter_id = :first and reported_id = :second)
                                                    or (reporter_id = :second and reported_id = :first))
            """)
    boolean keptApart(@Bind("first") long first, @Bind("second") long second);


    @SqlUpdate("""
            insert into blocks (blocker_id, blocked_id, chat_id, created_at) values (:blocker, :blocked, :chatId, :now)
            on conflict do nothing
            """)
    int block(@Bind("blocker") long blocker, @Bind("blocked") long blocked, @Bind("chatId") long chatId,
              @Bind("now") Instant now);

    @SqlQuery("select count(*) from blocks where blocker_id = :userId")
    long countBlocksBy(@Bind("userId") long userId);

    @SqlUpdate("delete from blocks where blocker_id = :userId")
    int deleteBlocksBy(@Bind("userId") long userId);

    @SqlUpdate("""
            insert into bans (user_id, banned_until, reason, banned_by, created_at)
            values (:userId, :until, :reason, :by, :now)
            on conflict (user_id) do update set banned_until = excluded.banned_until, reason = excluded.reason,
                banned_by = excluded.banned_by, created_at = excluded.created_at
            """)
    void ban(@Bind("userId") long userId, @Bind("until") Instant until, @Bind("reason") String reason,
             @Bind("by") long by, @Bind("now") Instant now);

    @SqlUpdate("delete from bans where user_id = :userId")
    int unban(@Bind("userId") long userId);

    @SqlUpdate("""
            insert into reports (chat_id, reporter_id, reported_id, reason, created_at)
            values (:chatId, :reporter, :reported, :reason, :now)
            on conflict (chat_id, reporter_id) do nothing
            """)
    @GetGeneratedKeys("id")
    Optional<Long> report(@Bind("chatId") long chatId, @Bind("reporter") long reporter,
                          @Bind("reported") long reported, @Bind("reason") String reason, @Bind("now") Instant now);

    @SqlUpdate("update reports set details = :details where id = :id and reporter_id = :reporter")
    int addDetails(@Bind("id") long id, @Bind("reporter") long reporter, @Bind("details") String details);

    @SqlQuery("select * from reports where id = :id")
    Optional<Report> findReport(@Bind("id") long id);

    @SqlQuery("select * from reports where status = 'open' order by id limit :limit")
    List<Report> openReports(@Bind("limit") int limit);

    @SqlQuery("select count(*) from reports where status = 'open'")
    long countOpenReports();

    @SqlQuery("select count(*) from reports where reporter_id = :userId")
    long countReportsBy(@Bind("userId") long userId);

    @SqlUpdate("delete from reports where reporter_id = :userId")
    int deleteReportsBy(@Bind("userId") long userId);

    @SqlUpdate("""
            update reports set status = :status, resolved_by = :by, resolved_at = :now
            where id = :id and status = 'open'
            """)
    int resolve(@Bind("id") long id, @Bind("status") String status, @Bind("by") long by, @Bind("now") Instant now);

    @SqlUpdate("""
            insert into admin_audit (admin_id, action, target, details, allowed, at)
            values (:adminId, :action, :target, :details, :allowed, :now)
            """)
    void audit(@Bind("adminId") long adminId, @Bind("action") String action, @Bind("target") String target,
               @Bind("details") String details, @Bind("allowed") boolean allowed, @Bind("now") Instant now);

    @SqlUpdate("delete from admin_audit where at < :before")
    int deleteAuditBefore(@Bind("before") Instant before);

    @SqlUpdate("delete from reports where status <> 'open' and resolved_at < :before")
    int deleteResolvedReportsBefore(@Bind("before") Instant before);
}
