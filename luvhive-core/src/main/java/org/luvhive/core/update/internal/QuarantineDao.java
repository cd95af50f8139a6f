package org.luvhive.core.update.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.luvhive.core.update.QuarantinedUpdate;

/** Rows of {@code update_quarantine}. */
@RegisterConstructorMapper(QuarantinedUpdate.class)
public interface QuarantineDao {

    /** 1 when quarantined now, 0 when this update (its update_id, else its bytes) already is. */
    @SqlUpdate("""
            insert into update_quarantine (update_id, user_id, digest, source, category, reason, raw, raw_size,
                                           quarantined_at)
            values (:updateId, :userId, :digest, :source, :category, :reason, :raw, :rawSize, :now)
            on conflict do nothing
            """)
    int insert(@Bind("updateId") Long updateId, @Bind("userId") Long userId, @Bind("digest") byte[] digest,
               @Bind("source") String source, @Bind("category") String category, @Bind("reason") String reason,
               @Bind("raw") byte[] raw, @Bind("rawSize") int rawSize, @Bind("now") Instant now);

    @SqlQuery("""
            select id, update_id, user_id, source, category, reason, raw, raw_size, quarantined_at
            from update_quarantine order by id desc limit :limit
            """)
    List<QuarantinedUpdate> newest(@Bind("limit") int limit);

    @SqlQuery("select count(*) from update_quarantine")
    long count();

    @SqlQuery("select count(*) from update_quarantine where quarantined_at > :since")
    long countSince(@Bind("since") Instant since);

    @SqlUpdate("delete from update_quarantine where id in (select id from update_quarantine "
            + "where quarantined_at < :before limit :batch)")
    int deleteBefore(@Bind("before") Instant before, @Bind("batch") int batch);

    @SqlQuery("select count(*) from update_quarantine where quarantined_at < :before")
    long countBefore(@Bind("before") Instant before);

    @SqlUpdate("delete from update_quarantine where user_id = :userId")
    int forgetUser(@Bind("userId") long userId);
}
