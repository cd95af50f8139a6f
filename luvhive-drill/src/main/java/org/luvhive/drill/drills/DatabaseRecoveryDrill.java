package org.luvhive.drill.drills;

import java.time.Duration;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.drill.run.Drill;
import org.luvhive.drill.run.DrillRun;
import org.luvhive.drill.world.Operator;
import org.luvhive.drill.world.Traffic;
import org.luvhive.drill.world.Waits;
import org.luvhive.drill.world.World;

/**
 * Complete database recovery: after the night's backup the bots' database is dropped under
 * the running bot while its users keep writing; {@code luvhive db info} and {@code doctor}
 * say the database is gone and point here (nothing re-creates it empty); the runbook's
 * {@code list-backups}, {@code backup verify} and {@code restore --target luvhive_recovery}
 * bring the data back into a new database, and {@code switch-database} moves the running
 * bot to it with no restart, listing the settings it now follows (the backup's), which the
 * runbook's {@code limits} and {@code moderation status} show. The users and chats are
 * those of the backup, and every text written while the database was gone reaches its
 * partner once.
 */
public final class DatabaseRecoveryDrill implements Drill {

    private static final String RECOVERY = "luvhive_recovery";
    private static final String POINTS_HERE = "RUNBOOK.md: Complete database recovery";

    @Override
    public String name() {
        return "recovery";
    }

    @Override
    public String section() {
        return "Complete database recovery";
    }

    @Override
    public void run(DrillRun run) {
        try (World world = World.start(1, Map.of())) {
            Operator operator = world.operator();
            run.step("start", "emulator, one bot, embedded PostgreSQL");
            try (Traffic traffic = Traffic.start(world, 2, Duration.ofSeconds(3), 1)) {
                run.step("traffic", "4 users in 2 chats, each writing a text every 3 s");
                Waits.until("texts flow", Duration.ofSeconds(60), () -> traffic.delivered() >= 4);

                traffic.pauseDelivered(Duration.ofSeconds(60));
                Waits.until("nothing queued to send", Duration.ofSeconds(60), () -> count(world.jdbi(),
                        "select count(*) from outbox where status in ('queued', 'sending')") == 0);
                run.expect(operator, run.line("Backup failure", "luvhive backup create"), 0);
                long users = count(world.jdbi(), "select count(*) from users");
                long chats = count(world.jdbi(), "select count(*) from chats");
                run.step("the night's backup", users + " users, " + chats + " chats");

                String database = world.jdbi().withHandle(handle -> handle.createQuery("select current_database()")
                        .mapTo(String.class).one());
                world.adminJdbi("postgres").useHandle(handle ->
                        handle.execute("drop database " + database + " with (force)"));
                run.broken("database '" + database + "' dropped under the running bot");
                int deliveredAtLoss = traffic.delivered();
                traffic.resume();
                run.step("traffic", "the users keep writing while the database is gone");

                Operator.Outcome info = run.ran(operator.run(run.line("luvhive db info")));
                if (info.exitCode() != 4 || !info.err().contains("does not exist")) {
                    throw new AssertionError("db info should fail with exit 4 naming the missing database: exit "
                            + info.exitCode() + ": " + info.err().strip());
                }
                run.await(operator, run.line("luvhive doctor"), outcome -> outcome.out().contains(POINTS_HERE),
                        Duration.ofSeconds(60));
                run.detected("db info exit 4: database '" + database + "' does not exist; doctor points at "
                        + POINTS_HERE);

                run.expect(operator, run.line("luvhive list-backups --all-databases"), 0);
                run.expect(operator, run.line("luvhive backup verify --latest --all-databases"), 0);
                Operator.Outcome restore = run.expect(operator,
                        run.line("luvhive restore --latest --all-databases --target " + RECOVERY), 0);
                if (!restore.out().contains("(of the configured database '" + database + "', missing now)")) {
                    throw new AssertionError("the restore should name the backup the lost database's: " + restore.out());
                }
                Jdbi recovered = world.adminJdbi(RECOVERY);
                long usersBack = count(recovered, "select count(*) from users");
                long chatsBack = count(recovered, "select count(*) from chats");
                if (usersBack != users || chatsBack != chats) {
                    throw new AssertionError("restored " + usersBack + " users and " + chatsBack + " chats, the backup "
                            + "had " + users + " and " + chats);
                }
                run.step("restored", usersBack + " users and " + chatsBack + " chats in " + RECOVERY);

                Operator.Outcome switched = run.expect(operator, run.line("luvhive switch-database " + RECOVERY), 0);
                if (!switched.out().contains("The bots follow the runtime settings stored in '" + RECOVERY + "'")
                        || !switched.out().contains("The settings of '" + database + "' are not known here")) {
                    throw new AssertionError("switch-database should list the settings the bots now follow: "
                            + switched.out());
                }
                String now = world.jdbi().withHandle(handle -> handle.createQuery("select current_database()")
                        .mapTo(String.class).one());
                if (!RECOVERY.equals(now)) {
                    throw new AssertionError("the bot is on '" + now + "', not " + RECOVERY);
                }
                Waits.until("texts written during the loss reach their partners", Duration.ofSeconds(60),
                        () -> traffic.delivered() > deliveredAtLoss + 4);
                run.expect(operator, run.line("luvhive limits"), 0);
                run.expect(operator, run.line("luvhive moderation status"), 0);
                run.expect(operator, run.line("luvhive db info"), 0);
                run.await(operator, run.line("luvhive status"), outcome -> outcome.exitCode() == 0,
                        Duration.ofSeconds(60));
                run.recovered("the bot on " + RECOVERY + " without a restart; " + (traffic.delivered() - deliveredAtLoss)
                        + " more texts delivered");
                run.expect(operator, run.line("luvhive backup create"), 0);
                run.traffic(traffic.finish(Duration.ofSeconds(60)));
            }
        }
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
