package org.luvhive.core.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.moderation.filter.ContentChecker;
import org.luvhive.core.moderation.filter.MessageFacts;
import org.luvhive.core.moderation.filter.ModerationPolicy;
import org.luvhive.core.moderation.filter.Rule;
import org.luvhive.core.moderation.filter.RuleStore;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.moderation.filter.Verdict;

/**
 * The rules as operators change them: each change commits together with the settings
 * stamp that makes every running bot reload the rules within a second. Thread-safe.
 */
public final class ModerationRules {

    private final Jdbi jdbi;
    private final RuleStore store;
    private final ModerationSettings settings;
    private final Clock clock;

    public ModerationRules(Jdbi jdbi, RuleStore store, ModerationSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    public List<Rule> all() {
        return jdbi.withHandle(store::all);
    }

    public Optional<Rule> find(String name) {
        return all().stream().filter(rule -> rule.name().equals(name)).findFirst();
    }

    /** Adds the rule; false (nothing changed) when one of that name exists and {@code replace} is off. */
    public boolean add(Rule rule, boolean replace, String updatedBy) {
        return jdbi.inTransaction(handle -> {
            boolean exists = store.all(handle).stream().anyMatch(stored -> stored.name().equals(rule.name()));
            if (exists && !replace) {
                return false;
            }
            store.put(handle, rule, clock.instant(), updatedBy);
            settings.rulesChanged(handle, updatedBy, (exists ? "replaced " : "added ") + rule.name());
            return true;
        });
    }

    /** Removes the rule; false when there was none of that name. */
    public boolean remove(String name, String updatedBy) {
        return jdbi.inTransaction(handle -> {
            if (!store.remove(handle, name)) {
                return false;
            }
            settings.rulesChanged(handle, updatedBy, "removed " + name);
            return true;
        });
    }

    /** What the bot would decide about this text at {@code level}, with the stored rules: the checker the bot runs. */
    public Verdict test(String text, Strictness level, ModerationPolicy policy) {
        return new ContentChecker(all(), policy).check(MessageFacts.text(text), level);
    }
}
