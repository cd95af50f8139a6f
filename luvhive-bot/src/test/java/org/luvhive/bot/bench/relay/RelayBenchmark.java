package org.luvhive.bot.bench.relay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * Relay throughput from outside: the real bot ({@code scripts/luvhive-bot}, one process per
 * instance) on its embedded PostgreSQL with fsync on, the emulator with Telegram's limits
 * lifted, {@code P} pairs of users in active chats, numbered messages timed from the user's
 * send to the partner's copy, both at the emulator. Phases: saturation (every user sends
 * {@code K} at once), open-loop steady rates, and optionally a backlog queued while the
 * bots are down. One JSON line per phase on stdout, a summary last; progress on stderr.
 * Not a test: run it with {@code scripts/bench-relay}.
 */
public final class RelayBenchmark {

    private static final String TOKEN = "828282:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final Duration WARM_UP_TIMEOUT = Duration.ofMinutes(10);

    private final RelayBenchOptions options;
    private final BenchDatabase database;
    private final BotProcesses bots;
    private final ChatLoad load;
    private final PhaseMeter meter;
    private final long nanosToEpoch;
    private final List<PhaseLog> logs = new ArrayList<>();

    private RelayBenchmark(RelayBenchOptions options, BenchDatabase database, BotProcesses bots, ChatLoad load) {
        this.options = options;
        this.database = database;
        this.bots = bots;
        this.load = load;
        this.meter = new PhaseMeter(database, bots);
        Instant now = Instant.now();
        this.nanosToEpoch = now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(System.getProperty("luvhive.repository", ".")).toAbsolutePath().normalize();
        RelayBenchOptions options = RelayBenchOptions.parse(args, repository);
        Path work = options.work() != null ? Files.createDirectories(options.work())
                : Files.createTempDirectory(Files.createDirectories(repository.resolve("target")), "bench-relay-");
        progress("work directory " + work + ", load " + ProcFs.loadAverage());
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited())
                .requestLogCapacity(1000).build().start();
             BenchDatabase database = BenchDatabase.start(work)) {
            EmulatedBot bot = emulator.bot(TOKEN);
            List<SimulatedUser> users = new ArrayList<>();
            for (int index = 0; index < options.pairs() * 2; index++) {
                users.add(bot.newUser(BenchDatabase.FIRST_USER + index, "User" + index, "en"));
            }
            ChatLoad load = new ChatLoad(users);
            bot.onNewMessage(load);
            try (BotProcesses bots = new BotProcesses(options, work, emulator.baseUrl(), TOKEN)) {
                bots.start();
                database.raiseLimits();
                database.onboard(options.pairs());
                BotProcesses.sleep(Duration.ofSeconds(2)); // running bots take new limits within a second
                progress(options.instances() + " bot(s) ready, " + options.pairs() + " pairs onboarded");
                new RelayBenchmark(options, database, bots, load).run(users);
            }
        }
    }

    private void run(List<SimulatedUser> users) {
        long started = System.nanoTime();
        // Every user says /start, as each did on Telegram before chatting: the emulator, like
        // Telegram, refuses a copy to a user who never wrote to the bot, and a copy that
        // overtook its partner's first message would end their chat (the partner "blocked" us).
        List<SimulatedUser> warmUp = users;
        warmUp.forEach(user -> user.sendCommand("start"));
        if (!awaitCondition(() -> load.otherBotMessages() >= warmUp.size(), WARM_UP_TIMEOUT)) {
            throw new IllegalStateException("the bots did not answer " + warmUp.size() + " /start within "
                    + WARM_UP_TIMEOUT.toMinutes() + " minutes");
        }
        progress(String.format("warm-up: %d users said /start and were answered in %.1f s", warmUp.size(),
                (System.nanoTime() - started) / 1e9));
        if (!options.warmUp().isZero()) {
            // JIT compilation took most of the bot's CPU for its first minutes: a cold first
            // phase measured the compiler (docs/performance.md). Reported, left out of the summary.
            phase("warmup", options.warmUpRate(), log -> load.steady(log, options.warmUpRate(), options.warmUp()));
        }
        List<PhaseReport> reports = new ArrayList<>();
        if (options.burst() > 0) {
            reports.add(phase("saturation", null, log -> load.burst(log, options.burst())));
        }
        for (int rate : options.rates()) {
            reports.add(phase("steady", rate, log -> load.steady(log, rate, options.phase())));
        }
        ObjectNode backlog = options.backlog() > 0 ? backlog() : null;
        if (options.flood() > 0) {
            flood(); // last: the flooder's partner gets its copies at one a second for long after
        }
        boolean settled = settle();
        BotProcesses.sleep(Duration.ofSeconds(1)); // a late duplicate would show by now
        List<PhaseLog.Snapshot> finals = logs.stream().map(PhaseLog::snapshot).toList();
        System.out.println(Summary.of(reports, finals, settled, backlog, options));
    }

    private PhaseReport phase(String name, Integer rate, Consumer<PhaseLog> send) {
        return phase(name, rate, send, UnaryOperator.identity());
    }

    /** A phase whose JSON line {@code more} adds to, once its messages were delivered. */
    private PhaseReport phase(String name, Integer rate, Consumer<PhaseLog> send, UnaryOperator<ObjectNode> more) {
        progress(name + (rate == null ? "" : " " + rate + "/s") + " ...");
        if (!settle()) {
            progress("earlier phases still not delivered after " + options.drainTimeout().toSeconds()
                    + " s; starting " + name + " anyway");
        }
        StageSplit.Bounds bounds = StageSplit.Bounds.now(database.jdbi());
        meter.start();
        PhaseLog log = newLog(name);
        send.accept(log);
        long sendsDone = System.nanoTime();
        boolean drained = awaitCondition(() -> log.delivered() >= log.sent(), options.drainTimeout());
        BotProcesses.sleep(Duration.ofSeconds(1)); // a duplicate would show by now
        PhaseMeter.Costs costs = meter.stop();
        PhaseLog.Snapshot snapshot = log.snapshot();
        StageSplit.Stages stages = StageSplit.measure(database.jdbi(), bounds, snapshot, options.pairs() * 2,
                nanosToEpoch);
        PhaseReport report = new PhaseReport(name, rate, snapshot, 0, stages, costs, drained,
                Math.max(0, snapshot.lastArrival() - sendsDone) / 1e9);
        System.out.println(more.apply(report.json(options.instances(), options.pairs())
                .put("intake", options.webhook() ? "webhook" : "polling")));
        progress("top statements: " + database.topStatements(8));
        return report;
    }

    /**
     * Ten minutes of downtime at a steady rate, compressed: the bots stop, {@code N}
     * messages queue at the emulator, the bots start again and new messages keep coming at
     * the backlog rate until the queued ones are delivered.
     */
    private ObjectNode backlog() {
        bots.stop();
        progress("backlog: bots stopped, queueing " + options.backlog() + " messages ...");
        StageSplit.Bounds bounds = StageSplit.Bounds.now(database.jdbi());
        PhaseLog log = newLog("backlog");
        load.queue(log, options.backlog());
        log.countBelow(options.backlog());
        meter.start();
        long launched = System.nanoTime();
        bots.start();
        long ready = System.nanoTime();
        progress(String.format("backlog: bots ready in %.1f s, draining with new messages at %d/s", (ready - launched) / 1e9,
                options.backlogRate()));
        long deadline = ready + options.drainTimeout().toNanos() * 5;
        load.steadyUntil(log, options.backlogRate(),
                () -> backlogDelivered(log) || System.nanoTime() > deadline);
        long sendsDone = System.nanoTime();
        int backlogDelivered = log.deliveredBelowBoundary(); // by the end of the new messages, drained or not
        boolean drained = awaitCondition(() -> log.delivered() >= log.sent(), options.drainTimeout());
        BotProcesses.sleep(Duration.ofSeconds(1));
        PhaseMeter.Costs costs = meter.stop();
        PhaseLog.Snapshot snapshot = log.snapshot();
        StageSplit.Stages stages = StageSplit.measure(database.jdbi(), bounds, snapshot, options.pairs() * 2,
                nanosToEpoch);
        long lastBacklogArrival = 0;
        for (int number = 0; number < options.backlog(); number++) {
            lastBacklogArrival = Math.max(lastBacklogArrival, snapshot.arrivedNanos()[number]);
        }
        PhaseReport newMessages = new PhaseReport("backlog", options.backlogRate(), snapshot, options.backlog(), stages,
                costs, drained, Math.max(0, snapshot.lastArrival() - sendsDone) / 1e9);
        ObjectNode json = newMessages.json(options.instances(), options.pairs());
        boolean backlogDrained = backlogDelivered >= options.backlog();
        double backlogSeconds = (Math.max(lastBacklogArrival, backlogDrained ? 0 : sendsDone) - ready) / 1e9;
        json.put("backlog", options.backlog())
                .put("start_s", PhaseReport.round((ready - launched) / 1e9, 1))
                .put("backlog_drain_s", backlogDrained ? PhaseReport.round(backlogSeconds, 1) : -1)
                .put("backlog_drained", backlogDrained)
                .put("backlog_delivered", backlogDelivered)
                .put("backlog_drain_per_s", backlogSeconds <= 0 ? 0 : PhaseReport.round(backlogDelivered / backlogSeconds, 1))
                .put("new_sent", newMessages.sent()).put("new_delivered", newMessages.delivered());
        System.out.println(json);
        return json;
    }

    /**
     * One user (of the first pair) sends {@code N} messages at once while the other pairs
     * write at the flood rate for a phase's length: how long the bot takes to handle the
     * flood (its inbox rows, read at the database: each relayed, or refused by the per-user
     * limit), and what it does to everyone else's latency. The flood's copies are not
     * waited for: the bot sends one chat at most one a second, as Telegram allows.
     */
    private void flood() {
        long flooder = BenchDatabase.FIRST_USER;
        Instant since = Instant.now().minusSeconds(1);
        FloodWatch watch = new FloodWatch(() -> database.updatesOf(flooder, since), options.flood());
        phase("flood", options.floodRate(), log -> {
            watch.start(System.nanoTime());
            load.flood(0, options.flood());
            load.steady(log, options.floodRate(), options.phase(), 2);
        }, json -> {
            boolean handled = awaitCondition(watch::handled, options.drainTimeout());
            watch.stop();
            Map<String, Long> statuses = database.updatesOf(flooder, since);
            return json.put("flood", options.flood())
                    .put("flood_handled_s", handled ? PhaseReport.round(watch.handledAfterSeconds(), 2) : -1)
                    .put("flood_relayed", statuses.getOrDefault("handled", 0L))
                    .put("flood_refused", statuses.getOrDefault("skipped", 0L))
                    .put("flood_pending", statuses.getOrDefault("pending", 0L) + statuses.getOrDefault("retry", 0L));
        });
    }

    private PhaseLog newLog(String name) {
        PhaseLog log = load.phase(name);
        logs.add(log);
        return log;
    }

    /**
     * Waits (up to the drain timeout) until every message of the earlier phases was
     * delivered, so a phase does not inherit the backlog of one the bot could not keep up
     * with, and the summary counts as lost only what never arrived.
     */
    private boolean settle() {
        return awaitCondition(() -> logs.stream().allMatch(log -> log.delivered() >= log.sent()),
                options.drainTimeout());
    }

    private boolean backlogDelivered(PhaseLog log) {
        return log.deliveredBelowBoundary() >= options.backlog();
    }

    private static boolean awaitCondition(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            BotProcesses.sleep(Duration.ofMillis(50));
        }
        return true;
    }

    static void progress(String line) {
        System.err.println("bench-relay: " + line);
    }
}
