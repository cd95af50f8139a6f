package org.luvhive.testkit.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * The standalone emulator's command line, parsed by hand (the testkit carries no CLI
 * library). Immutable.
 */
record SimOptions(int port, EmulatorLimits limits, boolean autoRegisterBots, List<String> botTokens, boolean help) {

    static final String USAGE = String.join("\n",
            "Usage: telegram-sim [options]",
            "Runs the Telegram Bot API emulator on 127.0.0.1 until killed.",
            "",
            "  --port N            port to listen on; 0 picks a free one (default 8081)",
            "  --global-rate R     sends per second over all chats (default 30)",
            "  --chat-rate R       sends per second into one private chat (default 1)",
            "  --group-rate R      sends per minute into one group (default 20)",
            "  --no-limits         turn the flood limits off",
            "  --bot TOKEN         register a bot up front (repeatable)",
            "  --strict-tokens     answer 401 to tokens not registered with --bot or /sim/bots",
            "  --help              show this help",
            "",
            "Bot API: http://127.0.0.1:PORT/bot<token>/<method>; control API: /sim/... (see luvhive-testkit/README.md)");

    /** Thrown for bad usage; the message is one line for stderr. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static SimOptions parse(String... args) throws UsageException {
        int port = 8081;
        EmulatorLimits limits = EmulatorLimits.telegramDefaults();
        boolean limitsOff = false;
        boolean strict = false;
        boolean help = false;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--no-limits" -> limitsOff = true;
                case "--strict-tokens" -> strict = true;
                case "--port" -> port = (int) number(arg, value(args, ++i, arg), 0, 65_535);
                case "--global-rate" -> limits = limits.withGlobal(positive(arg, value(args, ++i, arg)),
                        Math.max(1, (int) Math.ceil(positive(arg, args[i]))));
                case "--chat-rate" -> limits = limits.withChat(positive(arg, value(args, ++i, arg)), limits.chatBurst());
                case "--group-rate" -> limits = limits.withGroup(positive(arg, value(args, ++i, arg)),
                        limits.groupBurst());
                case "--bot" -> tokens.add(value(args, ++i, arg));
                default -> throw new UsageException("unknown option " + arg + " (try --help)");
            }
        }
        if (limitsOff) {
            limits = EmulatorLimits.unlimited();
        }
        return new SimOptions(port, limits, !strict, List.copyOf(tokens), help);
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value (try --help)");
        }
        return args[index];
    }

    private static double number(String option, String value, double min, double max) throws UsageException {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed < min || parsed > max || Double.isNaN(parsed)) {
                throw new UsageException(option + " must be between " + (long) min + " and " + (long) max
                        + ", was " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number, was \"" + value + "\"");
        }
    }

    private static double positive(String option, String value) throws UsageException {
        double parsed = number(option, value, 0, 1_000_000);
        if (parsed <= 0) {
            throw new UsageException(option + " must be positive, was " + value);
        }
        return parsed;
    }
}
