package org.luvhive.core.moderation.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How bad a rule's hit is; each strictness level maps it to a {@link Decision}. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One step worse ({@code high} stays {@code high}): what an obfuscated hit counts as. */
    public Severity raised() {
        return this == HIGH ? HIGH : values()[ordinal() + 1];
    }

    public static Optional<Severity> ofCode(String code) {
        return Arrays.stream(values()).filter(severity -> severity.code().equals(code)).findFirst();
    }
}
