package org.luvhive.cli.support;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses {@code 90s}, {@code 30m}, {@code 26h}, {@code 14d}, {@code 2w} and ISO-8601
 * ({@code PT26H}), up to {@link #MAX}: a longer duration is a typo, and would overflow
 * where it is added to a time.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    public static final Duration MAX = Duration.ofDays(36_500);

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhdw])");

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value);
        if (duration.isNegative() || duration.compareTo(MAX) > 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is out of range: use 0 to "
                    + MAX.toDays() + "d");
        }
        return duration;
    }

    private static Duration parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(text);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> Duration.ofDays(Math.multiplyExact(7, amount));
                };
            }
            return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
        } catch (NumberFormatException | ArithmeticException tooLong) {
            throw new CommandLine.TypeConversionException("'" + value + "' is out of range: use 0 to "
                    + MAX.toDays() + "d");
        } catch (DateTimeParseException notIso) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a duration: use e.g. 90s, 30m, 26h, 14d, 2w");
        }
    }
}
