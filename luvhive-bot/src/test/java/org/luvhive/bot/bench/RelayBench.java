package org.luvhive.bot.bench;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.bot.BotHarness;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.moderation.Screening;
import org.luvhive.core.moderation.filter.Corpus;
import org.luvhive.core.testing.ManualClock;

/**
 * Real relays, each handled as the pipeline does (its own transaction, the router, the
 * screening, the relay and its outbox row) into PostgreSQL, by 100 pairs of users in chats;
 * nine messages in ten benign, one violating, from the corpus. A first bot warms up the JVM
 * and the database; a second one is measured: every relay timed whole, and the screening's
 * own time read from its timer ({@value Screening#TIMER}), apart for the messages it lets
 * through (what it adds to a relay) and those it refuses (which record a decision, climb
 * the strike ladder and tell the sender). Single-threaded.
 */
final class RelayBench {

    private static final int PAIRS = 100;
    private static final long FIRST_USER = 9_000_000_001L;

    private final Jdbi jdbi;
    private final ModerationBenchOptions options;

    RelayBench(Jdbi jdbi, ModerationBenchOptions options) {
        this.jdbi = jdbi;
        this.options = options;
    }

    String run() {
        List<String> benign = Corpus.benign();
        List<Corpus.Violation> violating = Corpus.violating();
        relays(new BotHarness(jdbi, ManualClock.at(Instant.now().toString()), FeatureSettings.defaults(Set.of())),
                benign, violating, options.relayWarmup());
        BotHarness measured = new BotHarness(jdbi, ManualClock.at(Instant.now().toString()),
                FeatureSettings.defaults(Set.of()));
        long[] nanos = relays(measured, benign, violating, options.relays());
        Arrays.sort(nanos);
        HistogramSnapshot relayed = snapshot(measured, "relayed");
        HistogramSnapshot refused = snapshot(measured, "refused");
        return String.format(Locale.ROOT, "{\"mode\":\"relay\",\"relays\":%d,\"pairs\":%d,\"relay_p50_ms\":%.3f,"
                        + "\"relay_p99_ms\":%.3f,\"screen_relayed_p50_ms\":%.3f,\"screen_relayed_p99_ms\":%.3f,"
                        + "\"screen_relayed_within_1ms_pct\":%.2f,\"screen_refused_p50_ms\":%.3f,"
                        + "\"screen_refused_p99_ms\":%.3f,\"relayed\":%d,\"refused\":%d}",
                nanos.length, PAIRS, millis(nanos, 0.50), millis(nanos, 0.99), percentile(relayed, 0.5),
                percentile(relayed, 0.99), withinBudget(relayed), percentile(refused, 0.5), percentile(refused, 0.99),
                relayed.count(), refused.count());
    }

    private static HistogramSnapshot snapshot(BotHarness bot, String outcome) {
        Timer timer = bot.registry().get(Screening.TIMER).tag("outcome", outcome).timer();
        return timer.takeSnapshot();
    }

    /** Of the screenings, the share within {@link Screening#BUDGET}, in percent. */
    private static double withinBudget(HistogramSnapshot snapshot) {
        double within = 0;
        for (CountAtBucket bucket : snapshot.histogramCounts()) {
            within = Math.max(within, bucket.count());
        }
        return snapshot.count() == 0 ? 100 : 100.0 * within / snapshot.count();
    }

    /** Relays {@code count} messages between fresh pairs; returns each relay's time, in nanoseconds. */
    private static long[] relays(BotHarness bot, List<String> benign, List<Corpus.Violation> violating, int count) {
        bot.reset();
        for (long pair = 0; pair < PAIRS; pair++) {
            long first = FIRST_USER + 2 * pair;
            bot.createUser(first, "male", 30, "Berlin");
            bot.createUser(first + 1, "female", 30, "Berlin");
            bot.text(first, "/find");
            bot.text(first + 1, "/find");
        }
        long[] nanos = new long[count];
        for (int index = 0; index < count; index++) {
            String text = index % 10 == 9 ? violating.get(index / 10 % violating.size()).text()
                    : benign.get(index % benign.size());
            long sender = FIRST_USER + index % (2 * PAIRS);
            long started = System.nanoTime();
            bot.text(sender, text);
            nanos[index] = System.nanoTime() - started;
            if (index % 500 == 499) {
                bot.deliverAll(); // as the sender would: sent rows keep no payload
                bot.clock().advance(Duration.ofMinutes(1));
            }
        }
        return nanos;
    }

    private static double percentile(HistogramSnapshot snapshot, double percentile) {
        for (ValueAtPercentile value : snapshot.percentileValues()) {
            if (value.percentile() == percentile) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
