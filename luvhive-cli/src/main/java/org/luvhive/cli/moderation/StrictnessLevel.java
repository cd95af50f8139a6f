package org.luvhive.cli.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.luvhive.core.moderation.filter.Strictness;
import picocli.CommandLine;

/** Parses {@code relaxed|normal|strict|lockdown}; anything else is a usage error naming the levels. */
final class StrictnessLevel implements CommandLine.ITypeConverter<Strictness> {

    static final String CHOICES = Arrays.stream(Strictness.values()).map(Strictness::code)
            .collect(Collectors.joining("|"));

    @Override
    public Strictness convert(String value) {
        return Strictness.ofCode(value.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new CommandLine.TypeConversionException("unknown level '" + value + "' (one of " + CHOICES + ")"));
    }
}
