package org.luvhive.core.limits;

import java.util.Locale;

/**
 * The runbook's named limit profiles: what an on-call engineer switches to when Telegram
 * pushes back. Rates are messages per second; bursts as the old bot used them per user,
 * and one second's worth globally (a larger global burst would itself trip Telegram).
 */
public enum LimitsProfile {
    NORMAL(1.5, 5, 15, 15),
    HIGH(1.0, 5, 10, 10),
    CRISIS(0.5, 3, 5, 5);

    private final double perUser;
    private final int perUserBurst;
    private final double global;
    private final int globalBurst;

    LimitsProfile(double perUser, int perUserBurst, double global, int globalBurst) {
        this.perUser = perUser;
        this.perUserBurst = perUserBurst;
        this.global = global;
        this.globalBurst = globalBurst;
    }

    public RateLimits limits() {
        return new RateLimits(label(), perUser, perUserBurst, global, globalBurst, RateLimits.DEFAULT_GROUP_PER_MINUTE,
                false);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LimitsProfile parse(String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown profile '" + raw + "': use normal, high or crisis");
        }
    }
}
