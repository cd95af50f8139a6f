package org.luvhive.core.premium;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.luvhive.core.settings.OpsSetting;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.OpsSettingsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fraud limits as stored in the ops settings under {@value #KEY} (JSON), and the ones
 * a running bot applies now: it follows the setting through the listener, so a change
 * applies within a second. What is not stored (or cannot be read) is the defaults.
 * Thread-safe.
 */
public final class FraudLimitsSettings {

    public static final String KEY = "payments.fraud-limits";
    private static final Logger LOG = LoggerFactory.getLogger(FraudLimitsSettings.class);

    private final OpsSettings settings;
    private final ObjectMapper mapper;
    private volatile FraudLimits current = FraudLimits.DEFAULTS;

    public FraudLimitsSettings(OpsSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    /** Applies the stored limits now and after every change. */
    public void follow(OpsSettingsListener listener) {
        listener.subscribe(KEY, setting -> {
            FraudLimits now = parse(setting);
            if (!now.equals(current)) {
                LOG.info("Payment fraud limits are now {}", now.describe());
            }
            current = now;
        });
    }

    /** What this bot applies now. */
    public FraudLimits current() {
        return current;
    }

    public Optional<OpsSetting> stored() {
        return settings.find(KEY);
    }

    /** The stored limits read afresh (the CLI, which runs no listener). */
    public FraudLimits read() {
        return parse(stored());
    }

    public void store(FraudLimits limits, String updatedBy) {
        String json = mapper.createObjectNode().put("per_hour", limits.perHour())
                .put("per_5_minutes", limits.perFiveMinutes()).put("refused_per_hour", limits.refusedPerHour())
                .toString();
        settings.put(KEY, json, updatedBy);
        current = limits;
    }

    private FraudLimits parse(Optional<OpsSetting> setting) {
        if (setting.isEmpty()) {
            return FraudLimits.DEFAULTS;
        }
        try {
            JsonNode json = mapper.readTree(setting.get().value());
            return new FraudLimits(json.path("per_hour").asInt(FraudLimits.DEFAULTS.perHour()),
                    json.path("per_5_minutes").asInt(FraudLimits.DEFAULTS.perFiveMinutes()),
                    json.path("refused_per_hour").asInt(FraudLimits.DEFAULTS.refusedPerHour()));
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            LOG.warn("The stored payment fraud limits cannot be read ({}); the defaults apply", unreadable.getMessage());
            return FraudLimits.DEFAULTS;
        }
    }
}
