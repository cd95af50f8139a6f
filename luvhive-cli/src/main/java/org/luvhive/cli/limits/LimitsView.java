package org.luvhive.cli.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import org.luvhive.core.limits.Limit;
import org.luvhive.core.limits.RateLimits;

/** How limits are shown to operators, as text and as JSON. */
final class LimitsView {

    private LimitsView() {
    }

    static Map<String, Object> stored(RateLimits limits) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", limits.profile());
        json.put("per_user", limits.perUser());
        json.put("per_user_burst", limits.perUserBurst());
        json.put("global", limits.global());
        json.put("global_burst", limits.globalBurst());
        json.put("group_per_minute", limits.groupPerMinute());
        json.put("forced", limits.forced());
        return json;
    }

    /** What a running bot derives from the stored values, limit by limit. */
    static Map<String, Map<String, Object>> effective(RateLimits limits) {
        Map<String, Map<String, Object>> json = new LinkedHashMap<>();
        json.put("inbound_per_user", limit(limits.inboundPerUser()));
        json.put("sends_per_private_chat", limit(limits.privateChatSends()));
        json.put("sends_per_group", limit(limits.groupSends()));
        json.put("sends_global", limit(limits.globalSends()));
        return json;
    }

    private static Map<String, Object> limit(Limit limit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("per_second", Math.round(limit.ratePerSecond() * 1000) / 1000.0);
        json.put("burst", limit.capacity());
        return json;
    }
}
