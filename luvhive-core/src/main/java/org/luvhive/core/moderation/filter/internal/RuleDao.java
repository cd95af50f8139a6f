package org.luvhive.core.moderation.filter.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code moderation_rules}. */
@RegisterConstructorMapper(RuleRow.class)
public interface RuleDao {

    @SqlQuery("select name, kind, severity, terms, updated_at, updated_by from moderation_rules order by name")
    List<RuleRow> all();

    @SqlUpdate("""
            insert into moderation_rules (name, kind, severity, terms, updated_at, updated_by)
            values (:name, :kind, :severity, :terms, :now, :by)
            on conflict (name) do update set kind = excluded.kind, severity = excluded.severity,
                terms = excluded.terms, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """)
    void put(@Bind("name") String name, @Bind("kind") String kind, @Bind("severity") String severity,
             @Bind("terms") String[] terms, @Bind("now") Instant now, @Bind("by") String by);

    @SqlUpdate("delete from moderation_rules where name = :name")
    int delete(@Bind("name") String name);
}
