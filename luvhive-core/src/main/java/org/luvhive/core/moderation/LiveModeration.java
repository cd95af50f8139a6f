package org.luvhive.core.moderation;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.moderation.filter.ContentChecker;
import org.luvhive.core.moderation.filter.ModerationPolicy;
import org.luvhive.core.moderation.filter.Rule;
import org.luvhive.core.moderation.filter.RuleStore;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.settings.OpsSettingsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The strictness level and the checker (the stored rules under the stored policy) a
 * running bot applies now. Follows {@link ModerationSettings} through the settings
 * listener, so a change made by the CLI applies within a second. Thread-safe: readers see
 * one level and one whole checker at a time.
 */
public final class LiveModeration {

    private static final Logger LOG = LoggerFactory.getLogger(LiveModeration.class);

    private final Jdbi jdbi;
    private final RuleStore rules;
    private final ModerationSettings settings;
    private volatile Strictness level = Strictness.DEFAULT;
    private volatile ContentChecker checker;

    public LiveModeration(Jdbi jdbi, RuleStore rules, ModerationSettings settings) {
        this.jdbi = jdbi;
        this.rules = rules;
        this.settings = settings;
        this.checker = new ContentChecker(List.of(), ModerationPolicy.defaults());
    }

    /** Reads the level, the policy and the rules now, and follows their changes from then on. */
    public void follow(OpsSettingsListener listener) {
        listener.subscribe(ModerationSettings.STRICTNESS, setting -> {
            Strictness now = ModerationSettings.level(setting);
            if (now != level) {
                LOG.info("Moderation strictness is now {} (was {})", now.code(), level.code());
            }
            level = now;
        });
        listener.subscribe(ModerationSettings.POLICY,
                setting -> swap(checker.rules(), settings.policy(setting), "policy"));
        listener.subscribe(ModerationSettings.RULES, changed -> reload());
    }

    /** Reads the level, the policy and the rules afresh (once at start, and in tests, which run no listener). */
    public LiveModeration reload() {
        level = settings.level();
        List<Rule> stored = jdbi.withHandle(rules::all);
        swap(stored, settings.policy(), "rules");
        return this;
    }

    public Strictness level() {
        return level;
    }

    public ContentChecker checker() {
        return checker;
    }

    public ModerationPolicy policy() {
        return checker.policy();
    }

    private void swap(List<Rule> newRules, ModerationPolicy policy, String what) {
        checker = new ContentChecker(newRules, policy);
        LOG.info("Moderation {} loaded: {} rules", what, newRules.size());
    }
}
