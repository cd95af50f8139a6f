package org.luvhive.bot.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.DatabaseConnector;
import org.luvhive.core.moderation.filter.ContentChecker;
import org.luvhive.core.moderation.filter.Corpus;
import org.luvhive.core.moderation.filter.MessageFacts;
import org.luvhive.core.moderation.filter.ModerationPolicy;
import org.luvhive.core.moderation.filter.Rule;
import org.luvhive.core.moderation.filter.RuleStore;
import org.luvhive.core.moderation.filter.Strictness;

/**
 * Moderation's cost, with the rules the migrations install, over the moderation corpus:
 * the content checker alone (a warm-up, then every check timed on its own), then real
 * relays through the bot's router into an embedded PostgreSQL with the time screening
 * adds to each (see {@link RelayBench}). Prints one JSON line per measurement. Not a
 * test: run it with {@code scripts/bench-moderation}.
 */
public final class ModerationBenchmark {

    private ModerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ModerationBenchOptions options = ModerationBenchOptions.parse(args);
        Path home = Files.createTempDirectory("luvhive-bench-moderation");
        LuvhiveConfig config = new ConfigLoader(home).load(Map.of("LUVHIVE_HOME", home.toString(),
                "LUVHIVE_ENV_FILE", ""));
        List<String> texts = new ArrayList<>(Corpus.benign());
        Corpus.violating().forEach(violation -> texts.add(violation.text()));
        String checker;
        String relay;
        try (Database database = new DatabaseConnector(new SimpleMeterRegistry()).open(config, "luvhive-bench")) {
            database.migrate();
            List<Rule> rules = database.jdbi().withHandle(handle -> new RuleStore().all(handle));
            checker = checkerFigures(new ContentChecker(rules, ModerationPolicy.defaults()), texts, options);
            System.out.println(checker);
            relay = new RelayBench(database.jdbi(), options).run();
        } finally {
            deleteTree(home);
        }
        System.out.println(relay); // after the embedded server's shutdown logging: the JSON lines stay last
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static String checkerFigures(ContentChecker checker, List<String> texts, ModerationBenchOptions options) {
        List<MessageFacts> messages = texts.stream().map(MessageFacts::text).toList();
        long blackhole = 0;
        for (int index = 0; index < options.warmup(); index++) {
            blackhole += checker.check(messages.get(index % messages.size()), options.level()).hits().size();
        }
        long[] nanos = new long[options.messages()];
        long started = System.nanoTime();
        for (int index = 0; index < nanos.length; index++) {
            long before = System.nanoTime();
            blackhole += checker.check(messages.get(index % messages.size()), options.level()).hits().size();
            nanos[index] = System.nanoTime() - before;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "{\"mode\":\"checker\",\"level\":\"%s\",\"rules\":%d,\"corpus\":%d,"
                        + "\"messages\":%d,\"messages_per_s\":%.0f,\"p50_us\":%.1f,\"p99_us\":%.1f,\"p999_us\":%.1f,"
                        + "\"max_us\":%.1f,\"hits\":%d}",
                options.level().code(), checker.rules().size(), texts.size(), nanos.length, nanos.length / seconds,
                micros(nanos, 0.50), micros(nanos, 0.99), micros(nanos, 0.999), nanos[nanos.length - 1] / 1e3,
                blackhole);
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e3;
    }
}
