package org.luvhive.drill.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.luvhive.drill.run.Drill;
import org.luvhive.drill.run.DrillRun;
import org.luvhive.drill.world.Operator;
import org.luvhive.drill.world.Traffic;
import org.luvhive.drill.world.World;

/**
 * Backup failure: pg_dump is gone from where the backup looks for it (an upgrade removed
 * the client), so the nightly {@code luvhive backup create} fails with exit 11 and
 * {@code luvhive backup check} is CRITICAL; the runbook's confirm steps name the cause, and
 * after it is fixed {@code backup create} and {@code verify --latest} make the check OK.
 * The bot keeps serving its users throughout.
 */
public final class BackupFailureDrill implements Drill {

    private static final String PG_BIN = "LUVHIVE_PG_BIN";

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String section() {
        return "Backup failure";
    }

    @Override
    public void run(DrillRun run) {
        try (World world = World.start(1, Map.of())) {
            Operator operator = world.operator();
            run.step("start", "emulator, one bot, embedded PostgreSQL, no backup yet");
            try (Traffic traffic = Traffic.start(world, 1, Duration.ofSeconds(3), 1)) {
                run.step("traffic", "2 users in a chat, each writing a text every 3 s");

                Path empty = directory(world.home().resolve("pg-client-removed"));
                world.exportOperatorVariable(PG_BIN, empty.toString());
                run.broken("pg_dump is not where the backup looks for it (" + PG_BIN + "=" + empty + ")");
                Operator.Outcome nightly = run.ran(operator.run(run.line("luvhive backup create")));
                if (nightly.exitCode() != 11) {
                    throw new AssertionError("the nightly backup exited " + nightly.exitCode() + ", expected 11: "
                            + nightly.err());
                }
                run.expect(operator, run.line("luvhive backup check"), 2);
                run.detected("backup check CRITICAL after the failed nightly run");

                run.expect(operator, run.line("luvhive list-backups"), 0);
                Operator.Outcome log = run.expect(operator, run.line("tail -n 5 $LUVHIVE_LOG_DIR/backup.log"), 0);
                if (!log.out().contains("pg_dump")) {
                    throw new AssertionError("the backup log does not name the cause: " + log.out());
                }
                run.expect(operator, run.line("df -h $LUVHIVE_HOME/backups"), 0);

                world.unsetOperatorVariable(PG_BIN);
                run.step("fix", "postgresql-client installed again (" + PG_BIN + " unset)");
                run.expect(operator, run.line("luvhive backup create"), 0);
                run.expect(operator, run.line("luvhive backup verify --latest"), 0);
                Operator.Outcome check = run.expect(operator, run.line("luvhive backup check"), 0);
                run.recovered(check.firstLine());
                run.traffic(traffic.finish(Duration.ofSeconds(60)));
            }
        }
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
