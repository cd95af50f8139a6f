package org.luvhive.core.moderation.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a strike brings: a warning, a mute for a while, or a ban for an admin to review. */
public enum Penalty {
    WARN, MUTE, BAN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Penalty> ofCode(String code) {
        return Arrays.stream(values()).filter(penalty -> penalty.code().equals(code)).findFirst();
    }
}
