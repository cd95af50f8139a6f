package org.luvhive.core.moderation.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How hard the content filter judges, from {@code relaxed} to {@code lockdown}; set live by operators. */
public enum Strictness {
    RELAXED, NORMAL, STRICT, LOCKDOWN;

    public static final Strictness DEFAULT = NORMAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The next level up ({@code lockdown} stays {@code lockdown}); new accounts are judged by it. */
    public Strictness stricter() {
        return this == LOCKDOWN ? LOCKDOWN : values()[ordinal() + 1];
    }

    public static Optional<Strictness> ofCode(String code) {
        return Arrays.stream(values()).filter(level -> level.code().equals(code)).findFirst();
    }

    /**
     * A level as an operator types it ({@code luvhive moderation strictness}, the sandbox's
     * panel): a code in any case, blanks around it ignored.
     *
     * @throws IllegalArgumentException naming the levels, for anything else
     */
    public static Strictness parse(String typed) {
        return ofCode(typed.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                "unknown level '" + typed + "' (one of " + Arrays.stream(values()).map(Strictness::code)
                        .collect(Collectors.joining("|")) + ")"));
    }
}
