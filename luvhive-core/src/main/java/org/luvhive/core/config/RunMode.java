package org.luvhive.core.config;

import java.util.Locale;

/** How the bot receives updates from Telegram. */
public enum RunMode {
    POLLING,
    WEBHOOK;

    public static RunMode parse(String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("must be 'polling' or 'webhook', not '" + raw.strip() + "'");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
