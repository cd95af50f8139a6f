package org.luvhive.cli.support;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses sizes: {@code 1048576}, {@code 512K}, {@code 10MiB}, {@code 1G} (binary units), up to 8 EiB - 1. */
public final class SizeConverter implements CommandLine.ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    @Override
    public Long convert(String value) {
        Matcher matcher = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size: use e.g. 500K, 10MiB, 1G");
        }
        String unit = matcher.group(2) == null ? "b" : matcher.group(2).substring(0, 1);
        long factor = switch (unit) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            default -> 1L;
        };
        try {
            return Math.multiplyExact(Long.parseLong(matcher.group(1)), factor);
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large a size");
        }
    }
}
