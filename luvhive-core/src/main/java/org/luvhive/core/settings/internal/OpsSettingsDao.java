package org.luvhive.core.settings.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.luvhive.core.settings.OpsSetting;

/** Rows of {@code ops_settings}. */
@RegisterConstructorMapper(OpsSetting.class)
public interface OpsSettingsDao {

    @SqlQuery("select key, value, updated_at, updated_by from ops_settings where key = :key")
    Optional<OpsSetting> find(@Bind("key") String key);

    @SqlQuery("select key, value, updated_at, updated_by from ops_settings order by key")
    List<OpsSetting> all();

    @SqlUpdate("""
            insert into ops_settings (key, value, updated_at, updated_by)
            values (:key, :value, :updatedAt, :updatedBy)
            on conflict (key) do update
               set value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """)
    void put(@Bind("key") String key, @Bind("value") String value, @Bind("updatedAt") Instant updatedAt,
             @Bind("updatedBy") String updatedBy);

    @SqlUpdate("delete from ops_settings where key = :key")
    int delete(@Bind("key") String key);
}
