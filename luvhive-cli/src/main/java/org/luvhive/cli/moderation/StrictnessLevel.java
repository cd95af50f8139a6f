package org.luvhive.cli.moderation;

import org.luvhive.core.moderation.filter.Strictness;
import picocli.CommandLine;

/** Parses {@code relaxed|normal|strict|lockdown}; anything else is a usage error naming the levels. */
final class StrictnessLevel implements CommandLine.ITypeConverter<Strictness> {

    @Override
    public Strictness convert(String value) {
        try {
            return Strictness.parse(value);
        } catch (IllegalArgumentException unknown) {
            throw new CommandLine.TypeConversionException(unknown.getMessage());
        }
    }
}
