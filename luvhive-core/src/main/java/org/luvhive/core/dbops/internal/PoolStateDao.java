package org.luvhive.core.dbops.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code db_pool_state}. */
@RegisterConstructorMapper(PoolStateRow.class)
public interface PoolStateDao {

    @SqlUpdate("""
            insert into db_pool_state (instance, application_name, active, idle, waiting, maximum, full_since,
                                       reset_applied, updated_at)
            values (:instance, :applicationName, :active, :idle, :waiting, :maximum, :fullSince, :resetApplied,
                    :updatedAt)
            on conflict (instance) do update
               set application_name = excluded.application_name, active = excluded.active, idle = excluded.idle,
                   waiting = excluded.waiting, maximum = excluded.maximum, full_since = excluded.full_since,
                   reset_applied = excluded.reset_applied, updated_at = excluded.updated_at
            """)
    void upsert(@Bind("instance") String instance, @Bind("applicationName") String applicationName,
                @Bind("active") int active, @Bind("idle") int idle, @Bind("waiting") int waiting,
                @Bind("maximum") int maximum, @Bind("fullSince") Instant fullSince,
                @Bind("resetApplied") Instant resetApplied, @Bind("updatedAt") Instant updatedAt);

    @SqlQuery("""
            select instance, application_name, active, idle, waiting, maximum, full_since, reset_applied, updated_at
              from db_pool_state order by instance
            """)
    List<PoolStateRow> all();

    @SqlUpdate("delete from db_pool_state where updated_at < :before")
    int deleteIdleSince(@Bind("before") Instant before);

    @SqlUpdate("delete from db_pool_state where instance = :instance")
    int deleteInstance(@Bind("instance") String instance);
}
