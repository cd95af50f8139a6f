package org.luvhive.drill.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.luvhive.cli.LuvhiveCli;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.drill.world.Waits;
import org.luvhive.testkit.net.Slowloris;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.Fault;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * The adversarial scenario: users chat in pairs through two bot processes while, one after
 * another, each instance is killed with {@code kill -9} (and restarted), the database is
 * cut off, the Bot API answers 500, 502 and 429 and drops connections, a slowloris holds
 * both instances' ports, poison updates arrive and the limits go to crisis and back. The
 * cycle repeats until the run's length is used up (at least once); then the users stop,
 * the backlog drains and the run reports what the users saw. Each step waits until every
 * text written before it ended has reached its partner (at most {@link #CATCH_UP}), so the
 * steps do not blur into each other. Not thread-safe.
 */
public final class ChaosRun {

    /** Advisory-lock key space of claim owners (core's {@code ClaimOwnerSession.LOCK_SPACE}). */
    private static final int CLAIM_OWNER_SPACE = 0x4C48_0002;
    static final Duration CATCH_UP = Duration.ofSeconds(120);
    /** The sender's claim lease (core's {@code SenderSettings.defaults()}): a claim's lease_until is its time plus this. */
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration STALL = Duration.ofSeconds(2);
    private static final Duration STORM = Duration.ofSeconds(4);
    private static final Duration CRISIS = Duration.ofSeconds(8);
    private static final Duration SLOWLORIS = Duration.ofSeconds(10);

    private final ChaosOptions options;
    private final Consumer<String> progress;
    private final DeliveryLedger ledger = new DeliveryLedger();
    private final List<Kill> kills = new ArrayList<>();
    private int crashes;
    private long readyzUnderSlowlorisMillis;
    private int readyzFailuresUnderSlowloris;
    private int quarantineExpected;

    /** A {@code kill -9}: when, and the outbox rows the victim had in flight. */
    private record Kill(Instant at, List<Long> stranded) {
    }

    public ChaosRun(ChaosOptions options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public ChaosReport run() {
        Instant started = Instant.now();
        try (ChaosWorld world = ChaosWorld.start()) {
            progress.accept("two bots ready (pids " + world.bots().get(0).pid() + ", " + world.bots().get(1).pid() + ")");
            try (Conversations users = Conversations.start(world.telegram(), world.jdbi(), options.pairs(),
                    options.period(), ledger)) {
                progress.accept(options.pairs() + " pairs chatting");
                Instant end = started.plus(options.length());
                int cycle = 0;
                do {
                    cycle++;
                    progress.accept("cycle " + cycle);
                    cycle(world, users);
                } while (Instant.now().isBefore(end));
                users.stop();
                boolean drained = users.awaitCaughtUp(CATCH_UP);
                progress.accept(drained ? "every text delivered" : "texts still missing after " + CATCH_UP.toSeconds() + " s");
                return report(world, started);
            }
        }
    }

    private void cycle(ChaosWorld world, Conversations users) {
        settle(world, users, "warm-up");
        for (BotProcess victim : world.bots()) {
            killAndRestart(world, victim);
            settle(world, users, "kill -9 of bot " + victim.name());
        }
        databaseOutage(world);
        settle(world, users, "database outage");
        storms(world.telegram());
        settle(world, users, "Bot API storms");
        slowloris(world);
        settle(world, users, "slowloris");
        poison(world.telegram());
        settle(world, users, "poison updates");
        crisisAndBack(world);
        settle(world, users, "limits to crisis and back");
    }

    private void settle(ChaosWorld world, Conversations users, String after) {
        for (BotProcess bot : world.bots()) {
            if (!bot.alive()) {
                crashes++;
                progress.accept("after " + after + ": bot " + bot.name() + " had exited; restarting it");
                world.restart(bot);
            }
        }
        if (!users.awaitCaughtUp(CATCH_UP)) {
            progress.accept("after " + after + ": texts still missing after " + CATCH_UP.toSeconds() + " s");
        }
    }

    /**
     * Holds every send to the users' chats in flight ({@link Fault#stall}: the call never
     * reaches Telegram) until the victim has claimed one, then kills it: its claim is left
     * behind, and only the dead owner's claim release can free it before the 60 s lease.
     */
    private void killAndRestart(ChaosWorld world, BotProcess victim) {
        EmulatedBot telegram = world.telegram();
        String application = "% " + victimInstance(victim);
        // a claim made before the stall may be a call Telegram already accepted: only later ones count
        Instant stalledFrom = Instant.now();
        telegram.faults().failFor("sendMessage", Duration.ofSeconds(30), Fault.stall(STALL));
        telegram.faults().failFor("copyMessage", Duration.ofSeconds(30), Fault.stall(STALL));
        List<String> owners = ownersInFlight(world, victim, application, stalledFrom.plus(LEASE));
        victim.kill();
        Instant killed = Instant.now();
        telegram.faults().clear();
        List<Long> stranded = owners.isEmpty() ? List.of() : world.jdbi().withHandle(handle -> handle.createQuery(
                "select id from outbox where status = 'sending' and lease_owner in (<owners>)"
                        + " and lease_until > :leasedAfter")
                .bindList("owners", owners).bind("leasedAfter", stalledFrom.plus(LEASE)).mapTo(Long.class).list());
        kills.add(new Kill(killed, stranded));
        progress.accept("kill -9 of bot " + victim.name() + " (pid " + victim.pid() + "): " + stranded.size()
                + " claim(s) left behind");
        world.restart(victim);
        progress.accept("bot " + victim.name() + " restarted (pid " + victim.pid() + ")");
    }

    /** The victim's claim owners while it has a send in flight (at most 30 s), else none. */
    private static List<String> ownersInFlight(ChaosWorld world, BotProcess victim, String application,
                                               Instant leasedAfter) {
        try {
            return Waits.forValue("bot " + victim.name() + " has a send in flight", Duration.ofSeconds(30), () -> {
                List<String> held = claimOwnersOf(world, application, leasedAfter);
                return held.isEmpty() ? null : held;
            });
        } catch (IllegalStateException none) {
            return List.of();
        }
    }

    /** The claim owners whose session (its advisory lock) belongs to the instance named {@code application}. */
    private static List<String> claimOwnersOf(ChaosWorld world, String application, Instant leasedAfter) {
        return world.jdbi().withHandle(handle -> handle.createQuery("""
                        select distinct o.lease_owner from outbox o
                        where o.status = 'sending' and o.lease_until > :leasedAfter and exists (
                            select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid
                            where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                              and l.classid = cast(:space as oid) and l.objid = cast(hashtext(o.lease_owner) as oid)
                              and a.application_name like :application)
                        """)
                .bind("space", CLAIM_OWNER_SPACE).bind("application", application).bind("leasedAfter", leasedAfter)
                .mapTo(String.class).list());
    }

    /** How the bot names itself in {@code application_name}: {@code host:pid}. */
    private static String victimInstance(BotProcess victim) {
        return "%:" + victim.pid();
    }

    private void databaseOutage(ChaosWorld world) {
        progress.accept("database cut off for " + options.databaseOutage().toSeconds() + " s");
        world.databaseLink().cut();
        pause(options.databaseOutage());
        world.databaseLink().restore();
        progress.accept("database back");
    }

    private void storms(EmulatedBot telegram) {
        for (Fault fault : List.of(Fault.internalServerError(), Fault.badGateway(), Fault.tooManyRequests(2),
                Fault.dropConnection())) {
            progress.accept("Bot API storm: " + describe(fault) + " to every call for " + STORM.toSeconds() + " s");
            telegram.faults().failFor(null, STORM, fault);
            pause(STORM);
            telegram.faults().clear();
        }
    }

    private static String describe(Fault fault) {
        return fault.kind() == Fault.Kind.ERROR ? String.valueOf(fault.errorCode()) : "dropped connections";
    }

    /** Both instances' public and management ports held by trickling connections; {@code /readyz} polled meanwhile. */
    private void slowloris(ChaosWorld world) {
        progress.accept("slowloris on both bots' ports for " + SLOWLORIS.toSeconds() + " s");
        List<Slowloris> attacks = new ArrayList<>();
        try {
            for (BotProcess bot : world.bots()) {
                attacks.add(new Slowloris(bot.publicPort(), "/", 100, Duration.ofSeconds(1)));
                attacks.add(new Slowloris(bot.managementPort(), "/readyz", 50, Duration.ofSeconds(1)));
            }
            Instant end = Instant.now().plus(SLOWLORIS);
            while (Instant.now().isBefore(end)) {
                for (BotProcess bot : world.bots()) {
                    long millis = bot.readyzMillis();
                    if (millis < 0) {
                        readyzFailuresUnderSlowloris++;
                    } else {
                        readyzUnderSlowlorisMillis = Math.max(readyzUnderSlowlorisMillis, millis);
                    }
                }
                pause(Duration.ofSeconds(1));
            }
        } finally {
            attacks.forEach(Slowloris::close);
        }
    }

    /** What PoisonIntakeTest sends, plus NUL and a 1 MiB text, from users outside the pairs. */
    private void poison(EmulatedBot telegram) {
        progress.accept("poison updates");
        telegram.injectRawUpdate("message", "{\"update_id\":${update_id},\"message\":{\"message_id\":70,\"date\":"
                + Instant.now().getEpochSecond() + ",\"from\":{\"id\":70,\"is_bot\":false,\"first_name\":\"X\"},"
                + "\"text\":\"no chat\"}}");
        telegram.injectRawUpdate("callback_query", "{\"update_id\":${update_id},\"callback_query\":{\"id\":\"c\","
                + "\"chat_instance\":\"i\",\"data\":\"x\"}}");
        telegram.injectRawUpdate("message", "{\"update_id\":${update_id},\"message\":{\"message_id\":71,\"date\":"
                + Instant.now().getEpochSecond() + ",\"chat\":{\"id\":71,\"type\":\"private\"},\"unknown\":"
                + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}}");
        telegram.injectRawUpdate("message", "null");
        quarantineExpected += 4;
        SimulatedUser stranger = telegram.newUser("Stranger");
        stranger.sendText("nul: a\u0000b");
        stranger.sendText("x".repeat(1 << 20));
    }

    private void crisisAndBack(ChaosWorld world) {
        luvhive(world, "set-limits", "--profile", "crisis");
        progress.accept("limits: crisis for " + CRISIS.toSeconds() + " s");
        pause(CRISIS);
        luvhive(world, "set-limits", "--profile", "normal");
        progress.accept("limits: back to normal");
    }

    private void luvhive(ChaosWorld world, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LuvhiveCli.run(world.operatorEnvironment(), new ConfigLoader(world.home()), Clock.systemUTC(),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        if (code != 0) {
            throw new IllegalStateException("luvhive " + String.join(" ", args) + " exited " + code + ": "
                    + err.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private ChaosReport report(ChaosWorld world, Instant started) {
        ledger.duplicates().forEach(duplicate -> progress.accept("shown twice: " + duplicate));
        ledger.lostTexts().forEach(lost -> progress.accept("never shown: " + lost));
        Optional<Duration> recovery = Optional.of(Duration.ZERO);
        Optional<Duration> catchUp = Optional.of(Duration.ZERO);
        for (Kill kill : kills) {
            Optional<Duration> resent = strandedSent(world, kill);
            Optional<Duration> caughtUp = ledger.recoveryAfter(kill.at());
            progress.accept("kill at " + kill.at() + ": its " + kill.stranded().size() + " claim(s) sent after "
                    + resent.map(ChaosRun::seconds).orElse(Double.NaN) + " s, every text caught up after "
                    + caughtUp.map(ChaosRun::seconds).orElse(Double.NaN) + " s (the last: "
                    + ledger.lastToRecover(kill.at()) + ")");
            if (!kill.stranded().isEmpty()) { // a kill that left nothing behind tells nothing of the release
                recovery = longest(recovery, resent);
            }
            catchUp = longest(catchUp, caughtUp);
        }
        int strandedClaims = kills.stream().mapToInt(kill -> kill.stranded().size()).sum();
        long quarantined = world.jdbi().withHandle(handle -> handle.createQuery("select count(*) from update_quarantine")
                .mapTo(Long.class).one());
        RateLimits limits = new LimitsSettings(new OpsSettings(world.jdbi(), Clock.systemUTC()), new ObjectMapper())
                .stored().map(LimitsSettings.StoredLimits::limits).orElseGet(RateLimits::defaults);
        return new ChaosReport(ledger.messages(), ledger.lost(), ledger.duplicated(), ledger.reordered(),
                seconds(ledger.maxDeliveryDelay()), recovery.map(ChaosRun::seconds).orElse(Double.NaN),
                catchUp.map(ChaosRun::seconds).orElse(Double.NaN), quarantined,
                quarantineExpected, kills.size(), strandedClaims, crashes, readyzUnderSlowlorisMillis,
                readyzFailuresUnderSlowloris, limits.equals(RateLimits.defaults()) ? "normal" : limits.profile(),
                seconds(Duration.between(started, Instant.now())));
    }

    /**
     * From the kill until the last row the victim had in flight was sent (by the survivor,
     * once the dead owner's claims were freed); empty when one was not sent, or none was left.
     */
    private static Optional<Duration> strandedSent(ChaosWorld world, Kill kill) {
        if (kill.stranded().isEmpty()) {
            return Optional.empty();
        }
        List<Instant> sent = world.jdbi().withHandle(handle -> handle.createQuery(
                "select sent_at from outbox where id in (<ids>) and status = 'sent'")
                .bindList("ids", kill.stranded()).mapTo(Instant.class).list());
        if (sent.size() < kill.stranded().size()) {
            return Optional.empty();
        }
        return sent.stream().max(Instant::compareTo).map(last -> Duration.between(kill.at(), last));
    }

    private static Optional<Duration> longest(Optional<Duration> so, Optional<Duration> next) {
        return so.isEmpty() || next.isEmpty() ? Optional.empty()
                : Optional.of(next.get().compareTo(so.get()) > 0 ? next.get() : so.get());
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }
}
