package org.luvhive.bot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code scripts/bench-pool} runs.
 *
 * @param pools   the bot's {@code DB_POOL_SIZE}s, one bot run each
 * @param rates   the steady inbound rates, updates a second, one phase each
 * @param phase   how long each phase sends
 * @param pairs   pairs of users in active chats (each update is a message relayed to a partner)
 */
record PoolBenchOptions(List<Integer> pools, List<Integer> rates, Duration phase, int pairs) {

    static final String USAGE = "usage: scripts/bench-pool [--pools 2,4,10] [--rates 20,50,100] [--seconds 10] "
            + "[--pairs 300]";

    static PoolBenchOptions parse(String[] args) {
        List<Integer> pools = List.of(2, 4, 10);
        List<Integer> rates = List.of(20, 50, 100);
        int seconds = 10;
        int pairs = 300;
        for (int index = 0; index < args.length; index++) {
            switch (args[index]) {
                case "--pools" -> pools = list(args, ++index);
                case "--rates" -> rates = list(args, ++index);
                case "--seconds" -> seconds = number(args, ++index, args[index - 1]);
                case "--pairs" -> pairs = number(args, ++index, args[index - 1]);
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> usage("unknown option " + args[index]);
            }
        }
        for (int rate : rates) {
            if (rate > pairs * 2) {
                usage("--rates " + rate + " is more than the " + pairs * 2 + " users can send at one message a second each"
                        + " (Telegram's own limit into one chat): raise --pairs");
            }
        }
        return new PoolBenchOptions(pools, rates, Duration.ofSeconds(seconds), pairs);
    }

    private static List<Integer> list(String[] args, int index) {
        if (index >= args.length) {
            usage(args[index - 1] + " needs a value");
        }
        List<Integer> values = new ArrayList<>();
        for (String part : args[index].split(",")) {
            values.add(number(new String[] {part}, 0, args[index - 1]));
        }
        return List.copyOf(values);
    }

    private static int number(String[] args, int index, String option) {
        if (index >= args.length) {
            usage(option + " needs a value");
        }
        try {
            int value = Integer.parseInt(args[index].strip());
            if (value < 1) {
                usage(option + " must be at least 1");
            }
            return value;
        } catch (NumberFormatException notNumber) {
            usage(option + " needs whole numbers, not " + args[index]);
            return 0;
        }
    }

    private static void usage(String problem) {
        System.err.println("bench-pool: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
