package org.luvhive.core.moderation.filter;

import java.util.Locale;

/**
 * What happens to a message: relayed ({@code allow}), relayed with a strike against the
 * sender ({@code strike}), or not relayed ({@code block}, which also counts a strike unless
 * the rule is a lock rather than an offence). Ordered from mildest to harshest.
 */
public enum Decision {
    ALLOW, STRIKE, BLOCK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Decision atLeast(Decision other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
