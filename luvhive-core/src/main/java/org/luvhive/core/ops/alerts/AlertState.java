package org.luvhive.core.ops.alerts;

import java.util.Locale;

/** Whether an alert's condition holds (for its hold time): OK or FIRING. */
public enum AlertState {
    OK, FIRING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertState parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
