package org.luvhive.core.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.moderation.filter.ModerationPolicy;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.settings.OpsSetting;
import org.luvhive.core.settings.OpsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderation settings every running bot follows within a second: the strictness
 * level ({@value #STRICTNESS}), the policy ({@value #POLICY}, JSON; the defaults when
 * none is stored) and a stamp ({@value #RULES}) written whenever the rules change, whose
 * notification makes every bot reload them. Thread-safe.
 */
public final class ModerationSettings {

    public static final String STRICTNESS = "moderation.strictness";
    public static final String POLICY = "moderation.policy";
    public static final String RULES = "moderation.rules";
    private static final Logger LOG = LoggerFactory.getLogger(ModerationSettings.class);

    private final OpsSettings settings;
    private final PolicyJson json;

    public ModerationSettings(OpsSettings settings) {
        this.settings = settings;
        this.json = new PolicyJson(new ObjectMapper());
    }

    /** The stored level, or {@code normal} when none (or one this build cannot read) is stored. */
    public Strictness level() {
        return level(settings.find(STRICTNESS));
    }

    public Optional<OpsSetting> stored() {
        return settings.find(STRICTNESS);
    }

    /**
     * Sets the level every running bot follows within a second ({@code luvhive moderation
     * strictness}, the sandbox's panel); returns the level it replaces.
     */
    public Strictness setLevel(Strictness level, String updatedBy) {
        Strictness before = level();
        settings.put(STRICTNESS, level.code(), updatedBy);
        return before;
    }

    /** The stored policy, or the defaults. */
    public ModerationPolicy policy() {
        return policy(settings.find(POLICY));
    }

    public Optional<OpsSetting> storedPolicy() {
        return settings.find(POLICY);
    }

    /** Stores a policy (validated by the caller, e.g. through {@link PolicyJson#parse}). */
    public void setPolicy(ModerationPolicy policy, String updatedBy) {
        settings.put(POLICY, json.write(policy).toString(), updatedBy);
    }

    /** Back to the defaults; false when none was stored. */
    public boolean resetPolicy() {
        return settings.delete(POLICY);
    }

    public PolicyJson json() {
        return json;
    }

    /** Marks the rules changed, in the caller's transaction: every bot reloads them when it commits. */
    public void rulesChanged(Handle handle, String updatedBy, String what) {
        settings.put(handle, RULES, what, updatedBy);
    }

    public static Strictness level(Optional<OpsSetting> setting) {
        return setting.flatMap(stored -> Strictness.ofCode(stored.value())).orElse(Strictness.DEFAULT);
    }

    ModerationPolicy policy(Optional<OpsSetting> setting) {
        if (setting.isEmpty()) {
            return ModerationPolicy.defaults();
        }
        try {
            return json.parse(setting.get().value());
        } catch (IllegalArgumentException unreadable) {
            LOG.warn("The stored moderation policy cannot be used ({}); the defaults apply", unreadable.getMessage());
            return ModerationPolicy.defaults();
        }
    }
}
