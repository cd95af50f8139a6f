package org.luvhive.core.ops.alerts.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code alert_state}. */
@RegisterConstructorMapper(AlertStateRow.class)
public interface AlertStateDao {

    @SqlUpdate("""
            insert into alert_state (instance, alert, value, threshold, state, since, updated_at)
            values (:instance, :alert, :value, :threshold, :state, :since, :updatedAt)
            on conflict (instance, alert) do update
               set value = excluded.value, threshold = excluded.threshold, state = excluded.state,
                   since = excluded.since, updated_at = excluded.updated_at
            """)
    void upsert(@Bind("instance") String instance, @Bind("alert") String alert, @Bind("value") Double value,
                @Bind("threshold") double threshold, @Bind("state") String state, @Bind("since") Instant since,
                @Bind("updatedAt") Instant updatedAt);

    @SqlQuery("""
            select instance, alert, value, threshold, state, since, updated_at from alert_state
            order by instance, alert
            """)
    List<AlertStateRow> all();

    @SqlUpdate("delete from alert_state where updated_at < :before")
    int deleteIdleSince(@Bind("before") Instant before);

    @SqlUpdate("delete from alert_state where ctid = any(array(select ctid from alert_state where updated_at < :before "
            + "limit :batch))")
    int deleteIdleSince(@Bind("before") Instant before, @Bind("batch") int batch);

    @SqlQuery("select count(*) from alert_state where updated_at < :before")
    long countIdleSince(@Bind("before") Instant before);

    @SqlUpdate("delete from alert_state where instance = :instance")
    int deleteInstance(@Bind("instance") String instance);
}
