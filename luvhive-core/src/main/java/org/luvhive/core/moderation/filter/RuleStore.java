package org.luvhive.core.moderation.filter;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.moderation.filter.internal.RuleDao;
import org.luvhive.core.moderation.filter.internal.RuleRow;

/**
 * The moderation rules as stored in {@code moderation_rules}. Every method works in the
 * caller's transaction. Stateless; thread-safe.
 */
public final class RuleStore {

    public List<Rule> all(Handle handle) {
        return handle.attach(RuleDao.class).all().stream().map(RuleRow::toRule).toList();
    }

    /** Adds the rule, or replaces the one of that name. */
    public void put(Handle handle, Rule rule, Instant now, String updatedBy) {
        handle.attach(RuleDao.class).put(rule.name(), rule.kind().code(), rule.severity().code(),
                rule.terms().toArray(String[]::new), now, updatedBy);
    }

    /** Removes the rule of that name; false when there was none. */
    public boolean remove(Handle handle, String name) {
        return handle.attach(RuleDao.class).delete(name) > 0;
    }
}
