package org.luvhive.drill.drills;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.luvhive.drill.run.Drill;
import org.luvhive.drill.run.DrillRun;
import org.luvhive.drill.world.Operator;
import org.luvhive.drill.world.Traffic;
import org.luvhive.drill.world.World;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.Fault;

/**
 * FloodWait spike: Telegram answers a storm of 429s and lowers the bot's global limit
 * below what the normal profile sends; the {@code floodwait} alert fires, the violations
 * log shows it, {@code luvhive set-limits --profile crisis} stops the 429s, and once the
 * spike is over the profile goes back to normal. Every user's message arrives once.
 */
public final class FloodWaitDrill implements Drill {

    static final Pattern FLOODWAIT_FIRING = Pattern.compile("(?m)^\\s+floodwait\\s.*\\bFIRING\\b");
    static final Pattern FLOODWAIT_OK = Pattern.compile("(?m)^\\s+floodwait\\s.*\\bOK\\b");
    /**
     * Between the crisis profile's 5/s and the normal one's 15/s, and below what the users
     * write (16 users, a text every 2.5 s each: 6.4/s): 429s go on until the fix.
     */
    private static final double LOWERED_GLOBAL_PER_SECOND = 6;

    @Override
    public String name() {
        return "floodwait";
    }

    @Override
    public String section() {
        return "FloodWait spike";
    }

    @Override
    public void run(DrillRun run) {
        try (World world = World.start(1, Map.of())) {
            Operator operator = world.operator();
            run.step("start", "emulator with Telegram's limits, one bot, embedded PostgreSQL in " + world.home());
            try (Traffic traffic = Traffic.start(world, 8, Duration.ofMillis(2500), 1)) {
                run.step("traffic", "16 users in 8 chats, each writing a text every 2.5 s");
                run.await(operator, run.line("luvhive status"), outcome -> FLOODWAIT_OK.matcher(outcome.out()).find(),
                        Duration.ofSeconds(60));

                EmulatorLimits normal = world.telegram().limits();
                world.telegram().setLimits(normal.withGlobal(LOWERED_GLOBAL_PER_SECOND, (int) LOWERED_GLOBAL_PER_SECOND));
                world.telegram().faults()
                        .failFor("sendMessage", Duration.ofSeconds(3), Fault.tooManyRequests(1))
                        .failFor("copyMessage", Duration.ofSeconds(3), Fault.tooManyRequests(1));
                run.broken("Telegram answers every send 429 for 3 s and lowers the global limit to "
                        + LOWERED_GLOBAL_PER_SECOND + "/s");

                run.await(operator, run.line("luvhive status"), outcome -> outcome.exitCode() == 20
                        && FLOODWAIT_FIRING.matcher(outcome.out()).find(), Duration.ofSeconds(60));
                run.detected("floodwait FIRING in luvhive status");

                Operator.Outcome grep = run.expect(operator,
                        run.line("grep floodwait $LUVHIVE_LOG_DIR/violations.log | tail -n 20"), 0);
                if (!grep.out().contains("\"kind\":\"floodwait\"")) {
                    throw new AssertionError("the violations log shows no floodwait: " + grep.out());
                }
                run.expect(operator, run.line("luvhive limits"), 0);

                run.expect(operator, run.line("luvhive set-limits --profile crisis"), 0);
                long refusedAtFix = world.telegram().stats().tooManyRequests();
                run.await(operator, run.line("luvhive status"), outcome -> FLOODWAIT_OK.matcher(outcome.out()).find(),
                        Duration.ofSeconds(120));
                long refusedSince = world.telegram().stats().tooManyRequests() - refusedAtFix;
                run.recovered("floodwait OK under crisis; " + refusedSince + " 429s since the fix");

                world.telegram().setLimits(normal);
                run.step("spike over", "Telegram back to its usual limits");
                run.expect(operator, run.line("luvhive set-limits --profile normal"), 0);
                run.traffic(traffic.finish(Duration.ofSeconds(60)));
            }
        }
    }
}
