package org.luvhive.core.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.luvhive.core.settings.OpsSetting;
import org.luvhive.core.settings.OpsSettings;

/**
 * The limits as stored in the ops settings under {@value #KEY}, as JSON. What is not
 * stored is the normal profile. Thread-safe.
 */
public final class LimitsSettings {

    public static final String KEY = "limits";

    private final OpsSettings settings;
    private final ObjectMapper mapper;

    public LimitsSettings(OpsSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    /** The stored limits, if any were stored. */
    public Optional<StoredLimits> stored() {
        return settings.find(KEY).map(this::parse);
    }

    /** What applies: the stored limits, or the default profile. */
    public RateLimits current() {
        return stored().map(StoredLimits::limits).orElseGet(RateLimits::defaults);
    }

    public void store(RateLimits limits, String updatedBy) {
        ObjectNode json = mapper.createObjectNode()
                .put("profile", limits.profile())
                .put("per_user", limits.perUser())
                .put("per_user_burst", limits.perUserBurst())
                .put("global", limits.global())
                .put("global_burst", limits.globalBurst())
                .put("group_per_minute", limits.groupPerMinute())
                .put("forced", limits.forced());
        settings.put(KEY, json.toString(), updatedBy);
    }

    /** Parses a stored value; a value this build cannot read yields the defaults, never a crash. */
    public StoredLimits parse(OpsSetting setting) {
        try {
            JsonNode json = mapper.readTree(setting.value());
            RateLimits limits = new RateLimits(
                    json.path("profile").asText("custom"),
                    json.path("per_user").asDouble(),
                    json.path("per_user_burst").asInt(),
                    json.path("global").asDouble(),
                    json.path("global_burst").asInt(),
                    json.path("group_per_minute").asInt(RateLimits.DEFAULT_GROUP_PER_MINUTE),
                    json.path("forced").asBoolean(false));
            return new StoredLimits(limits, setting, Optional.empty());
        } catch (IllegalArgumentException | JsonProcessingException unreadable) {
            return new StoredLimits(RateLimits.defaults(), setting, Optional.of(unreadable.getMessage()));
        }
    }

    /**
     * Limits as stored, with who stored them when.
     *
     * @param limits  what they say (the defaults when unreadable)
     * @param setting the row
     * @param problem why the row could not be used, if it could not
     */
    public record StoredLimits(RateLimits limits, OpsSetting setting, Optional<String> problem) {
    }
}
