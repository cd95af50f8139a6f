package org.luvhive.drill.drills;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.luvhive.drill.run.Drill;
import org.luvhive.drill.run.DrillRun;
import org.luvhive.drill.world.Operator;
import org.luvhive.drill.world.RogueSession;
import org.luvhive.drill.world.Traffic;
import org.luvhive.drill.world.Waits;
import org.luvhive.drill.world.World;

/**
 * Database 100% CPU: a report burns the server's CPU while a script holds a lock on the
 * users table in a transaction it left open, so the bot's statements queue behind it and
 * chats stop; the {@code db_p95} alert fires in {@code luvhive status} while they wait
 * (the oldest running statement counts, not only those that finished);
 * {@code luvhive db queries} finds both, {@code db cancel} stops the report,
 * {@code db terminate} ends the script's session, {@code db pool reset} gives the bot fresh
 * connections, and the users' texts flow again.
 */
public final class DatabaseCpuDrill implements Drill {

    private static final Pattern DB_P95_FIRING = Pattern.compile("(?m)^\\s+db_p95\\s.*FIRING");
    private static final String HEAVY_QUERY = "select count(*) from generate_series(1, 4000000000)";

    @Override
    public String name() {
        return "database";
    }

    @Override
    public String section() {
        return "Database 100% CPU";
    }

    @Override
    public void run(DrillRun run) throws Exception {
        try (World world = World.start(1, Map.of())) {
            Operator operator = world.operator();
            run.step("start", "emulator, one bot, embedded PostgreSQL");
            try (Traffic traffic = Traffic.start(world, 2, Duration.ofSeconds(3), 1);
                 RogueSession report = RogueSession.connect(world, "drill_analyst", "weekly-report");
                 RogueSession script = RogueSession.connect(world, "drill_analyst", "fix-script")) {
                run.step("traffic", "4 users in 2 chats, each writing a text every 3 s");
                Waits.until("texts flow", Duration.ofSeconds(60), () -> traffic.delivered() >= 4);

                CompletableFuture<Void> heavy = report.start(HEAVY_QUERY);
                script.leaveOpen("lock table users in access exclusive mode");
                run.broken("pid " + report.pid() + " runs a CPU-bound report; pid " + script.pid()
                        + " locked the users table and left its transaction open");

                run.await(operator, run.line("luvhive status"), outcome -> outcome.exitCode() == 20
                        && DB_P95_FIRING.matcher(outcome.out()).find(), Duration.ofSeconds(60));
                run.detected("db_p95 FIRING in luvhive status: the bot's statements wait on the lock");

                Pattern blocked = Pattern.compile("(?m)^\\d+ .*Lock:relation \\(blocked by \\[[^\\]]*\\b" + script.pid() + "\\b");
                Operator.Outcome queries = run.await(operator, run.line("luvhive db queries --longer-than 5s"),
                        outcome -> outcome.out().contains(String.valueOf(report.pid()))
                                && blocked.matcher(outcome.out()).find(), Duration.ofSeconds(60));
                run.step("confirmed", "db queries: the report running, the bot's statements waiting on pid "
                        + script.pid());
                int delivered = traffic.delivered();

                Operator.Outcome connections = run.ran(operator.run(run.line("luvhive db connections")));
                if (!connections.out().contains("pid " + script.pid())) {
                    throw new AssertionError("db connections does not show the open transaction: " + connections.out());
                }
                run.expect(operator, run.line("luvhive db slow --top 10"), 0);

                run.expect(operator, run.line("luvhive db cancel <PID>").with(Map.of("PID",
                        String.valueOf(report.pid()))), 0);
                Waits.until("the report stopped", Duration.ofSeconds(10), heavy::isDone);
                run.expect(operator, run.line("luvhive db terminate <PID>").with(Map.of("PID",
                        String.valueOf(script.pid()))), 0);
                run.expect(operator, run.line("luvhive db pool reset"), 0);

                run.await(operator, run.line("luvhive db queries --longer-than 5s"),
                        outcome -> !outcome.out().contains(String.valueOf(report.pid()))
                                && !outcome.out().contains("Lock:relation"), Duration.ofSeconds(60));
                run.expect(operator, run.line("luvhive db connections"), 0);
                Waits.until("texts flow again", Duration.ofSeconds(60), () -> traffic.delivered() > delivered + 4);
                run.recovered("no long statement, no lock wait; " + (traffic.delivered() - delivered)
                        + " more texts delivered");
                run.ran(operator.run(run.line("luvhive status")));
                run.traffic(traffic.finish(Duration.ofSeconds(60)));
                if (queries.exitCode() != 0) {
                    throw new AssertionError("db queries exited " + queries.exitCode());
                }
            }
        }
    }
}
