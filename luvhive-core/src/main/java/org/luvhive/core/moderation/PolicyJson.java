package org.luvhive.core.moderation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.luvhive.core.moderation.filter.Decision;
import org.luvhive.core.moderation.filter.LevelPolicy;
import org.luvhive.core.moderation.filter.ModerationPolicy;
import org.luvhive.core.moderation.filter.Penalty;
import org.luvhive.core.moderation.filter.StrikeLadder;
import org.luvhive.core.moderation.filter.Strictness;

/**
 * The moderation policy as JSON, the form operators store it in ({@code luvhive moderation
 * policy set}) and read it back: per level the decision of each severity, new accounts,
 * the media lock, search, the behaviour thresholds and the strike ladder; and what several reports
 * bring. Durations in minutes. Every field is required, so a stored policy says all it
 * does. Stateless; thread-safe.
 */
public final class PolicyJson {

    private final ObjectMapper mapper;

    public PolicyJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Parses and validates a policy; the message of the exception names the field and the problem. */
    public ModerationPolicy parse(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException notJson) {
            throw new IllegalArgumentException("the policy is not JSON: " + notJson.getOriginalMessage());
        }
        Map<Strictness, LevelPolicy> levels = new EnumMap<>(Strictness.class);
        Map<Strictness, StrikeLadder> ladders = new EnumMap<>(Strictness.class);
        for (Strictness level : Strictness.values()) {
            String path = "levels." + level.code();
            JsonNode node = required(root.path("levels"), level.code(), "levels");
            try {
                levels.put(level, new LevelPolicy(decision(node, "low", path), decision(node, "medium", path),
                        decision(node, "high", path), minutes(node, "new_account_minutes", path, true),
                        minutes(node, "media_lock_minutes", path, true),
                        bool(node, "media_locked_for_all", path), bool(node, "new_accounts_may_search", path),
                        number(node, "duplicate_partners", path), minutes(node, "duplicate_window_minutes", path, false),
                        number(node, "churn_chats", path), minutes(node, "churn_window_minutes", path, false)));
                ladders.put(level, new StrikeLadder(minutes(node, "strike_decay_minutes", path, false),
                        steps(required(node, "strikes", path), path + ".strikes")));
            } catch (IllegalArgumentException invalid) {
                throw invalid.getMessage().startsWith(path) ? invalid
                        : new IllegalArgumentException(path + ": " + invalid.getMessage());
            }
        }
        JsonNode reports = required(root, "reports", "the policy");
        try {
            return new ModerationPolicy(levels, ladders, new ModerationPolicy.ReportThreshold(
                    number(reports, "reporters", "reports"), minutes(reports, "window_minutes", "reports", false),
                    minutes(reports, "mute_minutes", "reports", false)));
        } catch (IllegalArgumentException invalid) {
            throw invalid.getMessage().startsWith("reports") ? invalid
                    : new IllegalArgumentException("reports: " + invalid.getMessage());
        }
    }

    public ObjectNode write(ModerationPolicy policy) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode levels = root.putObject("levels");
        for (Strictness level : Strictness.values()) {
            LevelPolicy rules = policy.level(level);
            StrikeLadder ladder = policy.ladder(level);
            ObjectNode node = levels.putObject(level.code())
                    .put("low", rules.low().code()).put("medium", rules.medium().code())
                    .put("high", rules.high().code())
                    .put("new_account_minutes", rules.newAccountAge().toMinutes())
                    .put("media_lock_minutes", rules.mediaLock().toMinutes())
                    .put("media_locked_for_all", rules.mediaLockedForAll())
                    .put("new_accounts_may_search", rules.newAccountsMaySearch())
                    .put("duplicate_partners", rules.duplicatePartners())
                    .put("duplicate_window_minutes", rules.duplicateWindow().toMinutes())
                    .put("churn_chats", rules.churnChats())
                    .put("churn_window_minutes", rules.churnWindow().toMinutes())
                    .put("strike_decay_minutes", ladder.decay().toMinutes());
            ArrayNode steps = node.putArray("strikes");
            for (StrikeLadder.Step step : ladder.steps()) {
                ObjectNode written = steps.addObject().put("at", step.strikes()).put("penalty", step.penalty().code());
                if (step.penalty() == Penalty.MUTE) {
                    written.put("minutes", step.duration().toMinutes());
                }
            }
        }
        root.putObject("reports").put("reporters", policy.reports().reporters())
                .put("window_minutes", policy.reports().window().toMinutes())
                .put("mute_minutes", policy.reports().mute().toMinutes());
        return root;
    }

    private static List<StrikeLadder.Step> steps(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(path + " must be a list of steps");
        }
        List<StrikeLadder.Step> steps = new ArrayList<>();
        for (int index = 0; index < node.size(); index++) {
            String at = path + "[" + index + "]";
            JsonNode step = node.get(index);
            Penalty penalty = Penalty.ofCode(required(step, "penalty", at).asText()).orElseThrow(() ->
                    new IllegalArgumentException(at + ".penalty must be warn, mute or ban"));
            int strikes = number(step, "at", at);
            steps.add(penalty == Penalty.MUTE ? StrikeLadder.Step.mute(strikes, minutes(step, "minutes", at, false))
                    : new StrikeLadder.Step(strikes, penalty, Duration.ZERO));
        }
        return steps;
    }

    private static JsonNode required(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(path + " needs '" + field + "'");
        }
        return value;
    }

    private static Decision decision(JsonNode node, String field, String path) {
        String code = required(node, field, path).asText();
        for (Decision decision : Decision.values()) {
            if (decision.code().equals(code)) {
                return decision;
            }
        }
        throw new IllegalArgumentException(path + "." + field + " must be allow, strike or block, not '" + code + "'");
    }

    private static boolean bool(JsonNode node, String field, String path) {
        JsonNode value = required(node, field, path);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(path + "." + field + " must be true or false");
        }
        return value.asBoolean();
    }

    private static int number(JsonNode node, String field, String path) {
        JsonNode value = required(node, field, path);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            throw new IllegalArgumentException(path + "." + field + " must be a whole number >= 0");
        }
        return value.asInt();
    }

    private static Duration minutes(JsonNode node, String field, String path, boolean zeroAllowed) {
        int minutes = number(node, field, path);
        if (minutes == 0 && !zeroAllowed) {
            throw new IllegalArgumentException(path + "." + field + " must be at least 1");
        }
        return Duration.ofMinutes(minutes);
    }
}
