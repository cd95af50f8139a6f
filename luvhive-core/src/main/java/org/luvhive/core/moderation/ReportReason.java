package org.luvhive.core.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;

/** Why a user reports a partner. */
public enum ReportReason {
    SPAM("📢"),
    ABUSE("🤬"),
    SEXUAL("🔞"),
    MINOR("🧒"),
    SCAM("💸"),
    OTHER("❓");

    private final String emoji;

    ReportReason(String emoji) {
        this.emoji = emoji;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The emoji and the reason in {@code language}, e.g. "📢 Spam or ads". */
    public String label(Language language) {
        return emoji + " " + Texts.of(language, "report.reason." + code());
    }

    public static Optional<ReportReason> ofCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code().equals(code)).findFirst();
    }
}
