package org.luvhive.core.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a user reports a partner. */
public enum ReportReason {
    SPAM("📢 Spam or ads"),
    ABUSE("🤬 Insults or harassment"),
    SEXUAL("🔞 Unwanted sexual content"),
    MINOR("🧒 Seems under 18"),
    SCAM("💸 Scam or asking for money"),
    OTHER("❓ Something else");

    private final String label;

    ReportReason(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<ReportReason> ofCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code().equals(code)).findFirst();
    }
}
