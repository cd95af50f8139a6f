package org.luvhive.core.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a case is in the admin queue; the higher the priority, the nearer the top. */
public enum CaseReason {
    /** Reported as under 18: every admin is alerted at once, the user is out of matching. */
    MINOR(100, "🚨 seems under 18"),
    /** Reported by several users within a short time, and muted for it. */
    REPORTS(90, "🚩 reported by several users"),
    /** Banned by the strike ladder, for an admin to confirm or lift. */
    BAN_REVIEW(80, "⛔ banned for repeated violations"),
    /** The user appealed a mute or ban. */
    APPEAL(50, "📨 appeal"),
    /** Reported once. */
    REPORT(10, "🚩 reported");

    private final int priority;
    private final String label;

    CaseReason(int priority, String label) {
        this.priority = priority;
        this.label = label;
    }

    public int priority() {
        return priority;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaseReason> ofCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code().equals(code)).findFirst();
    }
}
