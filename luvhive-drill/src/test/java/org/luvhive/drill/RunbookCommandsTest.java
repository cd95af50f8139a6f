package org.luvhive.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.luvhive.drill.runbook.Runbook;
import org.luvhive.drill.runbook.RunbookLine;
import org.luvhive.drill.world.Operator;
import org.luvhive.drill.world.RogueSession;
import org.luvhive.drill.world.Waits;
import org.luvhive.drill.world.World;

/**
 * Every command of RUNBOOK.md runs, in the runbook's order, against one small world (the
 * bot running, the emulator, the embedded PostgreSQL): each {@code luvhive} line and each
 * shell line that needs no systemd ({@code grep}, {@code tail}, {@code df}, {@code curl}),
 * placeholders filled with a real pid, file or name. None may end as a usage error, an
 * unexpected failure or a configuration error; the few whose documented answer in this
 * world is not 0 say which code they give. The drills run the emergencies' lines again,
 * with their outcomes checked; this test makes sure none is left unrun.
 */
class RunbookCommandsTest {

    /** Shell commands this test can run; systemctl, journalctl, jcmd need a systemd install. */
    private static final Set<String> RUNNABLE_SHELL = Set.of("grep", "tail", "df", "curl");

    /**
     * Lines that run every time the runbook says them: after {@code switch-database} the bot is
     * on the restored database, and the runbook's "a first backup of the new database" is
     * what the later backup lines ({@code verify --latest --restore-test}) find.
     */
    private static final Set<String> EVERY_TIME = Set.of("luvhive backup create");

    /** Lines whose answer in a healthy world without Telegram's webhook or a backup history is documented non-zero. */
    private static final Map<String, Set<Integer>> OTHER_ANSWERS = Map.of(
            "luvhive doctor", Set.of(0, 40, 41),
            "luvhive status", Set.of(0, 20),
            "luvhive db connections", Set.of(0, 33),
            "luvhive backup check", Set.of(0, 1),
            "luvhive webhook check", Set.of(0, 42));

    @Test
    void everyCommandOfTheRunbookRuns() throws Exception {
        Runbook runbook = Runbook.bundled();
        List<String> failures = new ArrayList<>();
        int ran = 0;
        try (World world = World.start(1, Map.of());
             RogueSession sleeper = RogueSession.connect(world, "drill_analyst", "report-job");
             RogueSession idle = RogueSession.connect(world, "drill_analyst", "fix-script")) {
            Operator operator = world.operator();
            Path tokenFile = world.home().resolve("new-token");
            Files.writeString(tokenFile, World.TOKEN + "\n");
            idle.leaveOpen("select 1");
            // an installation that has run a night: one backup taken
            assertThat(operator.run(runbook.line("Backup failure", "luvhive backup create")).exitCode()).isZero();
            Set<String> done = new HashSet<>();
            for (RunbookLine line : runbook.lines()) {
                String first = line.text().split(" ")[0];
                if (!line.isLuvhive() && !RUNNABLE_SHELL.contains(first)
                        || !done.add(line.text()) && !EVERY_TIME.contains(line.text())) {
                    continue; // a command the runbook repeats runs once
                }
                RunbookLine filled = line;
                if (line.text().equals("luvhive db cancel <PID>")) {
                    sleeper.start("select pg_sleep(120)");
                    filled = line.with(Map.of("PID", String.valueOf(sleeper.pid())));
                    awaitRunning(operator, runbook, sleeper.pid());
                } else if (line.text().equals("luvhive db terminate <PID>")) {
                    filled = line.with(Map.of("PID", String.valueOf(idle.pid())));
                } else if (!line.placeholders().isEmpty()) {
                    filled = line.with(Map.of("FILE", tokenFile.toString(), "TEXT", "cheap followers at spam.example"));
                }
                Operator.Outcome outcome = line.text().equals("luvhive rotate-token")
                        ? operator.run(filled, World.TOKEN + "\n") : operator.run(filled);
                ran++;
                Set<Integer> allowed = line.isLuvhive() ? OTHER_ANSWERS.getOrDefault(line.text(), Set.of(0)) : Set.of(0);
                if (!allowed.contains(outcome.exitCode())) {
                    failures.add("RUNBOOK.md:" + line.number() + " `" + filled.text() + "` exited " + outcome.exitCode()
                            + ": " + outcome.err().strip() + " " + outcome.out().strip());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(ran).isGreaterThan((int) runbook.luvhiveLines().stream().map(RunbookLine::text).distinct().count());
    }

    private static void awaitRunning(Operator operator, Runbook runbook, int pid) {
        RunbookLine queries = runbook.line("Database 100% CPU", "luvhive db queries --longer-than 5s");
        Waits.until("pid " + pid + " runs for 5 s", Duration.ofSeconds(30),
                () -> operator.run(queries).out().contains(String.valueOf(pid)));
    }
}
