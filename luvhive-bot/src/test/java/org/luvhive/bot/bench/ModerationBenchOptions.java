package org.luvhive.bot.bench;

import org.luvhive.core.moderation.filter.Strictness;

/**
 * The moderation benchmark's options.
 *
 * @param messages    how many checks are timed
 * @param warmup      how many checks run before, untimed
 * @param level       the strictness level checked at
 * @param relays      how many relays are timed
 * @param relayWarmup how many relays run before, on another bot
 */
record ModerationBenchOptions(int messages, int warmup, Strictness level, int relays, int relayWarmup) {

    static ModerationBenchOptions parse(String[] args) {
        int messages = 200_000;
        int warmup = 100_000;
        Strictness level = Strictness.NORMAL;
        int relays = 5_000;
        int relayWarmup = 2_000;
        for (int index = 0; index < args.length; index++) {
            switch (args[index]) {
                case "--messages" -> messages = positive(args, ++index);
                case "--warmup" -> warmup = positive(args, ++index);
                case "--relays" -> relays = positive(args, ++index);
                case "--relay-warmup" -> relayWarmup = positive(args, ++index);
                case "--level" -> {
                    String code = value(args, ++index);
                    level = Strictness.ofCode(code).orElseThrow(() -> usage("unknown level " + code));
                }
                case "--help", "-h" -> {
                    System.out.println("usage: scripts/bench-moderation [--messages N] [--warmup N] "
                            + "[--level relaxed|normal|strict|lockdown] [--relays N] [--relay-warmup N]");
                    System.exit(0);
                }
                default -> throw usage("unknown option " + args[index]);
            }
        }
        return new ModerationBenchOptions(messages, warmup, level, relays, relayWarmup);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw usage(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static int positive(String[] args, int index) {
        String value = value(args, index);
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw usage(args[index - 1] + " must be at least 1");
            }
            return number;
        } catch (NumberFormatException notNumber) {
            throw usage(args[index - 1] + " needs a whole number, not " + value);
        }
    }

    private static IllegalStateException usage(String problem) {
        System.err.println("bench-moderation: " + problem);
        System.exit(2);
        return new IllegalStateException(problem);
    }
}
