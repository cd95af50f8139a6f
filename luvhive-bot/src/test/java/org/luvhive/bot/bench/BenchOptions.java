package org.luvhive.bot.bench;

/**
 * The benchmark's options.
 *
 * @param globalRate the global limit, per second, on both sides (ours and the emulator's)
 * @param messages   how many messages the burst holds (default 10x the one-second budget)
 * @param chats      across how many chats
 * @param inject429  whether the emulator answers 429 for some chats and once globally
 */
record BenchOptions(int globalRate, int messages, int chats, boolean inject429) {

    static BenchOptions parse(String[] args) {
        int rate = 30;
        Integer messages = null;
        Integer chats = null;
        boolean inject = false;
        for (int index = 0; index < args.length; index++) {
            switch (args[index]) {
                case "--global-rate" -> rate = positive(args, ++index);
                case "--messages" -> messages = positive(args, ++index);
                case "--chats" -> chats = positive(args, ++index);
                case "--inject-429" -> inject = true;
                case "--help", "-h" -> {
                    System.out.println("usage: scripts/bench-delivery [--global-rate R] [--messages N] [--chats C] [--inject-429]");
                    System.exit(0);
                }
                default -> usage("unknown option " + args[index]);
            }
        }
        int total = messages != null ? messages : rate * 10;
        return new BenchOptions(rate, total, chats != null ? chats : Math.max(1, total / 2), inject);
    }

    private static int positive(String[] args, int index) {
        if (index >= args.length) {
            usage(args[index - 1] + " needs a value");
        }
        try {
            int value = Integer.parseInt(args[index]);
            if (value < 1) {
                usage(args[index - 1] + " must be at least 1");
            }
            return value;
        } catch (NumberFormatException notNumber) {
            usage(args[index - 1] + " needs a whole number, not " + args[index]);
            return 0;
        }
    }

    private static void usage(String problem) {
        System.err.println("bench-delivery: " + problem);
        System.exit(2);
    }
}
