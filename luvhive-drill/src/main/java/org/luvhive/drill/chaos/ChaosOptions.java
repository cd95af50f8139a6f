package org.luvhive.drill.chaos;

import java.time.Duration;

/**
 * How long and how busy a chaos run is. The cycle of faults runs once, then again while
 * {@code length} is not used up. Immutable.
 *
 * @param length         how long the faults go on (at least one cycle)
 * @param pairs          pairs of users chatting
 * @param period         how often each user writes
 * @param databaseOutage how long the database is cut off per cycle
 */
public record ChaosOptions(Duration length, int pairs, Duration period, Duration databaseOutage) {

    /** The CI run: one cycle. */
    public static ChaosOptions shortRun() {
        return new ChaosOptions(Duration.ZERO, 4, Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    /**
     * {@code --minutes N} (cycles for N minutes; default: one cycle), {@code --pairs P}
     * (default 4); anything else is refused with a one-line reason.
     */
    public static ChaosOptions parse(String... args) {
        ChaosOptions options = shortRun();
        for (int index = 0; index < args.length; index++) {
            String name = args[index];
            if (!name.equals("--minutes") && !name.equals("--pairs")) {
                throw new IllegalArgumentException("unknown option '" + name + "' (usage: scripts/chaos [--minutes N] [--pairs P])");
            }
            if (index + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            int value;
            try {
                value = Integer.parseInt(args[++index]);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(name + " must be a whole number, was '" + args[index] + "'");
            }
            if (name.equals("--minutes") && (value < 1 || value > 24 * 60)) {
                throw new IllegalArgumentException("--minutes must be 1 to 1440, was " + value);
            }
            if (name.equals("--pairs") && (value < 1 || value > 50)) {
                throw new IllegalArgumentException("--pairs must be 1 to 50, was " + value);
            }
            options = name.equals("--minutes")
                    ? new ChaosOptions(Duration.ofMinutes(value), options.pairs, options.period, options.databaseOutage)
                    : new ChaosOptions(options.length, value, options.period, options.databaseOutage);
        }
        return options;
    }
}
