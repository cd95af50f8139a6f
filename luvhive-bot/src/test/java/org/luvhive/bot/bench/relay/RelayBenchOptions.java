package org.luvhive.bot.bench.relay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code scripts/bench-relay} runs.
 *
 * @param pairs          pairs of users chatting (each user sends and receives)
 * @param instances      bot processes sharing the database
 * @param webhook        whether the bot takes updates by webhook (the emulator posting them) instead of long polling
 * @param warmUp         how long the bots relay at {@code warmUpRate} before the first measured phase, so
 *                       that phase does not measure the JIT compiling the bot (0: no warm-up)
 * @param warmUpRate     the warm-up's steady rate, messages a second in all
 * @param burst          messages every user sends at once in the saturation phase (0: no such phase)
 * @param rates          the open-loop steady rates, messages a second in all
 * @param phase          how long each steady phase sends
 * @param backlog        updates queued while the bots are down (0: no backlog phase)
 * @param backlogRate    new messages a second while the backlog drains
 * @param flood          messages one user sends at once while the others write at {@code floodRate}, last
 *                       (0: no flood phase)
 * @param floodRate      the others' messages a second during the flood phase
 * @param drainTimeout   how long a phase may take to deliver what it sent, after its last send
 * @param bot            the launcher that runs a bot ({@code scripts/luvhive-bot} of a build)
 * @param javaOpts       the bots' {@code LUVHIVE_JAVA_OPTS}, or null for the launcher's default
 * @param poolSize       the bots' {@code DB_POOL_SIZE}, or 0 for the default
 * @param jfr            where each bot writes a JFR recording (a profile of the whole run), or null
 * @param work           where the run keeps its database and the bots' logs
 */
record RelayBenchOptions(int pairs, int instances, boolean webhook, Duration warmUp, int warmUpRate, int burst,
                         List<Integer> rates, Duration phase, int backlog, int backlogRate, int flood,
                         int floodRate, Duration drainTimeout, Path bot, String javaOpts, int poolSize, Path jfr,
                         Path work) {

    static final String USAGE = """
            usage: scripts/bench-relay [--pairs P] [--instances N | --webhook] [--warmup S [--warmup-rate R]] [--burst K]
                                       [--rates R,R,...|none] [--seconds S] [--backlog N [--backlog-rate R]]
                                       [--flood N [--flood-rate R]] [--drain-timeout S] [--bot LAUNCHER]
                                       [--java-opts OPTS] [--pool-size N] [--jfr DIR] [--work DIR]
              defaults: 2000 pairs, 1 instance long polling, a 60 s warm-up at 200/s (reported, not summed), burst 5,
              rates 100,500,1000,3000, 20 s each, no backlog (--backlog-rate 100), no flood (--flood-rate 500),
              drain timeout 120 s, this tree's scripts/luvhive-bot, the launcher's JVM options and pool size, no JFR, a fresh
              directory under target/""";

    static RelayBenchOptions parse(String[] args, Path repository) {
        int pairs = 2000;
        int instances = 1;
        boolean webhook = false;
        int warmUp = 60;
        int warmUpRate = 200;
        int burst = 5;
        List<Integer> rates = List.of(100, 500, 1000, 3000);
        int seconds = 20;
        int backlog = 0;
        int backlogRate = 100;
        int flood = 0;
        int floodRate = 500;
        int drain = 120;
        Path bot = repository.resolve("scripts/luvhive-bot");
        String javaOpts = null;
        int poolSize = 0;
        Path jfr = null;
        Path work = null;
        for (int index = 0; index < args.length; index++) {
            String option = args[index];
            switch (option) {
                case "--pairs" -> pairs = number(args, ++index, 1);
                case "--instances" -> instances = number(args, ++index, 1);
                case "--webhook" -> webhook = true;
                case "--warmup" -> warmUp = number(args, ++index, 0);
                case "--warmup-rate" -> warmUpRate = number(args, ++index, 1);
                case "--burst" -> burst = number(args, ++index, 0);
                case "--rates" -> rates = rates(value(args, ++index));
                case "--seconds" -> seconds = number(args, ++index, 1);
                case "--backlog" -> backlog = number(args, ++index, 0);
                case "--backlog-rate" -> backlogRate = number(args, ++index, 1);
                case "--flood" -> flood = number(args, ++index, 0);
                case "--flood-rate" -> floodRate = number(args, ++index, 1);
                case "--drain-timeout" -> drain = number(args, ++index, 1);
                case "--bot" -> bot = Path.of(value(args, ++index)).toAbsolutePath();
                case "--java-opts" -> javaOpts = value(args, ++index);
                case "--pool-size" -> poolSize = number(args, ++index, 1);
                case "--jfr" -> jfr = Path.of(value(args, ++index)).toAbsolutePath();
                case "--work" -> work = Path.of(value(args, ++index)).toAbsolutePath();
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> usage("unknown option " + option);
            }
        }
        if (!Files.isExecutable(bot)) {
            usage("--bot " + bot + " is not an executable launcher");
        }
        if (flood > 0 && pairs < 2) {
            usage("--flood needs at least 2 pairs: one pair floods, the others keep writing");
        }
        if (webhook && instances > 1) {
            usage("--webhook takes one instance: Telegram posts to one URL (a load balancer would spread them)");
        }
        return new RelayBenchOptions(pairs, instances, webhook, Duration.ofSeconds(warmUp), warmUpRate, burst, rates,
                Duration.ofSeconds(seconds), backlog, backlogRate, flood, floodRate,
                Duration.ofSeconds(drain), bot, javaOpts, poolSize, jfr, work);
    }

    private static List<Integer> rates(String value) {
        List<Integer> parsed = new ArrayList<>();
        if (value.equals("none")) {
            return parsed;
        }
        for (String part : value.split(",")) {
            try {
                int rate = Integer.parseInt(part.strip());
                if (rate < 1) {
                    usage("--rates: every rate must be at least 1, not " + rate);
                }
                parsed.add(rate);
            } catch (NumberFormatException notNumber) {
                usage("--rates takes whole numbers separated by commas (or none), not " + value);
            }
        }
        return List.copyOf(parsed);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            usage(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static int number(String[] args, int index, int minimum) {
        String text = value(args, index);
        try {
            int parsed = Integer.parseInt(text);
            if (parsed < minimum) {
                usage(args[index - 1] + " must be at least " + minimum + ", not " + parsed);
            }
            return parsed;
        } catch (NumberFormatException notNumber) {
            usage(args[index - 1] + " needs a whole number, not " + text);
            return 0;
        }
    }

    private static void usage(String problem) {
        System.err.println("bench-relay: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
