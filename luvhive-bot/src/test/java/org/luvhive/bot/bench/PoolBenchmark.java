package org.luvhive.bot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.BotMain;
import org.luvhive.bot.RunnerSettings;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.DatabaseConnector;
import org.luvhive.core.db.EmbeddedPostgresServer;
import org.luvhive.core.db.PoolSettings;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * How big a bot's connection pool must be: the production bot ({@code BotMain}'s wiring,
 * default runner settings) in this process on an embedded PostgreSQL with fsync on, the
 * emulator with Telegram's limits lifted and the bot's own raised to their ceilings,
 * {@code pairs} pairs of users in active chats (written by SQL). For each pool size, a bot
 * runs a steady phase per rate: users send text, each relayed to the partner. A phase
 * reports the update and delivery latency from the database's own timestamps, how long
 * the bot needed after the last send, and the pool: the most connections lent out and
 * threads waiting, how often anyone waited, and connection time per update (HikariCP's
 * timers). After each bot, its sessions on the server. One JSON line per phase and per
 * bot on stdout. Not a test: run it with {@code scripts/bench-pool}.
 */
public final class PoolBenchmark {

    private static final String TOKEN = "929292:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final long FIRST_USER = 800_000_001L;
    /** A phase whose bot needs longer than this after the last send did not keep up. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private PoolBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PoolBenchOptions options = PoolBenchOptions.parse(args);
        Path home = Files.createTempDirectory("luvhive-bench-pool");
        try {
            run(options, home);
        } finally {
            deleteTree(home);
        }
    }

    private static void run(PoolBenchOptions options, Path home) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(home.resolve("pgdata"),
                DatabaseConnector.EMBEDDED_DATABASE);
             Database database = Database.connect(server.databaseUrl(DatabaseConnector.EMBEDDED_DATABASE),
                     PoolSettings.of(2, "luvhive-bench"), new SimpleMeterRegistry());
             TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            database.migrate();
            raiseLimits(database.jdbi());
            onboard(database.jdbi(), options.pairs());
            EmulatedBot telegram = emulator.bot(TOKEN);
            List<SimulatedUser> users = new ArrayList<>();
            for (int index = 0; index < options.pairs() * 2; index++) {
                // Telegram lets a bot write only to users who wrote to it: every user does, before
                // the first bot starts, and that bot relays these first messages before any phase.
                users.add(telegram.newUser(FIRST_USER + index, "User" + index, "en"));
                users.get(index).sendText("hello");
            }
            for (int pool : options.pools()) {
                LuvhiveConfig config = config(home, emulator, pool);
                try (BotApplication bot = BotMain.start(() -> config, Clock.systemUTC(), RunnerSettings.defaults())) {
                    awaitPolling(telegram);
                    awaitSettled(database.jdbi(), telegram); // the first messages, or a smaller pool's backlog
                    for (int rate : options.rates()) {
                        Phase phase = phase(bot, database.jdbi(), users, rate, options.phase());
                        System.out.println(phase.line());
                        if (!phase.drained()) {
                            System.err.println("bench-pool: pool " + pool + " did not keep up with " + rate
                                    + "/s; its higher rates are skipped");
                            break;
                        }
                    }
                    System.out.println(sessions(database.jdbi(), pool));
                }
            }
        }
    }

    /** One phase's JSON line; {@code drained} whether the bot finished within the drain timeout. */
    private record Phase(ObjectNode line, boolean drained) {
    }

    private static Phase phase(BotApplication bot, Jdbi jdbi, List<SimulatedUser> users, int rate,
                               Duration length) throws InterruptedException {
        double loadBefore = loadAverage();
        PoolWatch watch = PoolWatch.start(bot.database().pool(), bot.registry());
        Instant start = Instant.now();
        long total = rate * length.toSeconds();
        long started = System.nanoTime();
        for (long sent = 0; sent < total; sent++) { // open loop: a late send catches up, it does not slow the rate
            long wait = started + sent * 1_000_000_000L / rate - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            users.get((int) (sent % users.size())).sendText("m" + sent);
        }
        Instant lastSent = Instant.now();
        boolean drained = awaitQuiet(jdbi, start, total, DRAIN_TIMEOUT);
        Instant quiet = Instant.now();
        PoolWatch.Figures pool = watch.stop();
        Map<String, Object> inbox = jdbi.withHandle(handle -> handle.createQuery("""
                select count(*) as updates, count(handled_at) as handled,
                       percentile_cont(0.5) within group (order by extract(epoch from handled_at - received_at)) * 1000 as p50,
                       percentile_cont(0.99) within group (order by extract(epoch from handled_at - received_at)) * 1000 as p99
                from inbox where received_at >= :start
                """).bind("start", Timestamp.from(start)).mapToMap().one());
        Map<String, Object> outbox = jdbi.withHandle(handle -> handle.createQuery("""
                select count(*) as sent,
                       percentile_cont(0.5) within group (order by extract(epoch from sent_at - created_at)) * 1000 as p50,
                       percentile_cont(0.99) within group (order by extract(epoch from sent_at - created_at)) * 1000 as p99
                from outbox where created_at >= :start and sent_at is not null
                """).bind("start", Timestamp.from(start)).mapToMap().one());
        double seconds = Duration.between(start, quiet).toMillis() / 1000.0;
        long updates = ((Number) inbox.get("updates")).longValue();
        ObjectNode line = JSON.createObjectNode().put("mode", "phase").put("pool", pool.maximum()).put("rate", rate)
                .put("seconds", length.toSeconds()).put("drained", drained).put("updates", updates)
                .put("handled", ((Number) inbox.get("handled")).longValue())
                .put("relayed", ((Number) outbox.get("sent")).longValue())
                .put("drain_ms", Duration.between(lastSent, quiet).toMillis())
                .put("update_p50_ms", round(inbox.get("p50"))).put("update_p99_ms", round(inbox.get("p99")))
                .put("send_p50_ms", round(outbox.get("p50"))).put("send_p99_ms", round(outbox.get("p99")))
                .put("max_active", pool.maxActive()).put("max_waiting", pool.maxWaiting())
                .put("waiting_pct", round(pool.waitingPct()))
                .put("busy_connections", round(pool.heldMillis() / 1000.0 / seconds))
                .put("held_ms_per_update", round(updates == 0 ? 0 : pool.heldMillis() / updates))
                .put("borrows_per_update", round(updates == 0 ? 0 : (double) pool.acquired() / updates))
                .put("acquire_mean_ms", round(pool.acquireMeanMs())).put("acquire_max_ms", round(pool.acquireMaxMs()));
        line.put("load_before", loadBefore).put("load_after", loadAverage());
        return new Phase(line, drained);
    }

    /** Whether, within {@code timeout}, every update since {@code start} was handled and nothing is left to send. */
    private static boolean awaitQuiet(Jdbi jdbi, Instant start, long updates, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean quiet = jdbi.withHandle(handle -> handle.createQuery("""
                    select (select count(*) from inbox where received_at >= :start and handled_at is not null) >= :updates
                       and not exists (select 1 from outbox where created_at >= :start and status in ('queued', 'sending'))
                    """).bind("start", Timestamp.from(start)).bind("updates", updates).mapTo(Boolean.class).one());
            if (quiet) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Nothing waiting at Telegram, in the inbox or in the outbox. */
    private static void awaitSettled(Jdbi jdbi, EmulatedBot telegram) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (telegram.pendingUpdateCount() > 0 || jdbi.withHandle(handle -> handle.createQuery("""
                select exists (select 1 from inbox where status in ('pending', 'retry'))
                    or exists (select 1 from outbox where status in ('queued', 'sending'))
                """).mapTo(Boolean.class).one())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bot did not settle within " + SETTLE_TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    /** The bot's sessions on the server by application: its pool's and the ones it holds outside the pool. */
    private static ObjectNode sessions(Jdbi jdbi, int pool) {
        ObjectNode line = JSON.createObjectNode().put("mode", "sessions").put("pool", pool);
        ObjectNode byApplication = line.putObject("sessions");
        jdbi.withHandle(handle -> handle.createQuery("""
                select regexp_replace(application_name, ' .*', '') as application, count(*) as sessions
                from pg_stat_activity where datname = current_database() and application_name like 'luvhive-bot%'
                group by 1 order by 1
                """).mapToMap().list()).forEach(row -> byApplication.put((String) row.get("application"),
                ((Number) row.get("sessions")).intValue()));
        return line;
    }

    private static LuvhiveConfig config(Path home, TelegramEmulator emulator, int pool) {
        Map<String, String> environment = new HashMap<>();
        environment.put("BOT_TOKEN", TOKEN);
        environment.put("PORT", "0");
        environment.put("MANAGEMENT_PORT", "0");
        environment.put("TELEGRAM_API_URL", emulator.baseUrl());
        environment.put("LUVHIVE_HOME", home.toString());
        environment.put("LUVHIVE_ENV_FILE", "");
        environment.put("DB_POOL_SIZE", Integer.toString(pool));
        environment.put("LOG_LEVEL", System.getenv().getOrDefault("LOG_LEVEL", "WARN")); // the JSON lines stand out
        return new ConfigLoader(home).load(environment);
    }

    /** The bot's limits at their ceilings (the emulator enforces none); into one chat still 1/s, as Telegram. */
    private static void raiseLimits(Jdbi jdbi) {
        new LimitsSettings(new OpsSettings(jdbi, Clock.systemUTC()), JSON).store(new RateLimits("custom",
                RateLimits.HARD_PER_USER_CEILING, RateLimits.HARD_BURST_CEILING, RateLimits.HARD_GLOBAL_CEILING,
                RateLimits.HARD_BURST_CEILING, RateLimits.DEFAULT_GROUP_PER_MINUTE, true), "bench-pool");
    }

    /** {@code pairs} pairs of onboarded users, each pair in an active chat: the rows onboarding and /find write. */
    private static void onboard(Jdbi jdbi, int pairs) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("""
                    insert into users (user_id, onboarding_step, consent_at, gender, age, country, city, created_at,
                                       updated_at)
                    select :first + i, 'done', now(), case when i % 2 = 0 then 'female' else 'male' end, 20 + i % 40,
                           'Germany', 'Berlin', now(), now()
                    from generate_series(0, :users - 1) i
                    """).bind("first", FIRST_USER).bind("users", pairs * 2).execute();
            handle.createUpdate("insert into chats (id, started_at) select p, now() from generate_series(1, :pairs) p")
                    .bind("pairs", pairs).execute();
            handle.createQuery("select setval('chats_id_seq', :pairs)").bind("pairs", pairs).mapTo(Long.class).one();
            handle.createUpdate("""
                    insert into chat_members (chat_id, user_id, partner_id)
                    select p + 1, :first + 2 * p + side, :first + 2 * p + 1 - side
                    from generate_series(0, :pairs - 1) p, generate_series(0, 1) side
                    """).bind("first", FIRST_USER).bind("pairs", pairs).execute();
        });
    }

    private static void awaitPolling(EmulatedBot telegram) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!telegram.isLongPolling()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bot did not start polling within 60 s");
            }
            Thread.sleep(20);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception unreadable) {
            return -1;
        }
    }

    private static double round(Object value) {
        return value == null ? 0 : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
