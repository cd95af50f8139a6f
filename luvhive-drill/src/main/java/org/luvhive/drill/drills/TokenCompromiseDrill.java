package org.luvhive.drill.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.luvhive.drill.run.Drill;
import org.luvhive.drill.run.DrillRun;
import org.luvhive.drill.world.Operator;
import org.luvhive.drill.world.Traffic;
import org.luvhive.drill.world.Waits;
import org.luvhive.drill.world.World;

/**
 * Bot token compromise: BotFather revokes the leaked token while two bot instances run on
 * it; {@code luvhive doctor} points at this section; {@code luvhive rotate-token} with the
 * new one swaps both bots live; users keep chatting, and the old token is found in no file
 * the world wrote and in no output, the new one only in the env file.
 */
public final class TokenCompromiseDrill implements Drill {

    static final String NEW_TOKEN = "636363:DrillRotatedTokenBBBBBBBBBBBBBBBBBBBB";
    private static final String POINTS_HERE = "RUNBOOK.md: Bot token compromise";

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String section() {
        return "Bot token compromise";
    }

    @Override
    public void run(DrillRun run) {
        List<Operator.Outcome> outputs = new ArrayList<>();
        try (World world = World.start(2, Map.of())) {
            Operator operator = world.operator();
            run.step("start", "emulator, two bot instances on one embedded PostgreSQL");
            try (Traffic traffic = Traffic.start(world, 2, Duration.ofSeconds(3), 1)) {
                run.step("traffic", "4 users in 2 chats, each writing a text every 3 s");

                world.emulator().rotateToken(World.TOKEN, NEW_TOKEN);
                run.broken("BotFather /revoke: Telegram refuses the old token");
                outputs.add(run.await(operator, run.line("luvhive doctor"),
                        outcome -> outcome.out().contains(POINTS_HERE), Duration.ofSeconds(60)));
                run.detected("luvhive doctor: Telegram FAIL, pointing at " + POINTS_HERE);

                outputs.add(run.ran(operator.run(run.line("luvhive rotate-token"), NEW_TOKEN + "\n")));
                if (outputs.get(outputs.size() - 1).exitCode() != 0) {
                    throw new AssertionError("rotate-token failed: " + outputs.get(outputs.size() - 1).err());
                }
                int deliveredAtFix = traffic.delivered();
                outputs.add(run.await(operator, run.line("luvhive doctor"),
                        outcome -> !outcome.out().contains(POINTS_HERE), Duration.ofSeconds(60)));
                Waits.until("texts reach their partners on the new token", Duration.ofSeconds(60),
                        () -> traffic.delivered() > deliveredAtFix + 4);
                outputs.add(run.expect(operator, run.line("luvhive webhook info"), 0));
                outputs.add(run.expect(operator, run.line("luvhive status"), 0));
                run.recovered("the bots on the new token, " + (traffic.delivered() - deliveredAtFix)
                        + " more texts delivered");
                run.traffic(traffic.finish(Duration.ofSeconds(60)));
            }
            List<String> holding = filesHolding(world.home(), World.TOKEN);
            List<String> holdingNew = filesHolding(world.home(), NEW_TOKEN);
            boolean printed = outputs.stream().anyMatch(outcome -> (outcome.out() + outcome.err()).contains(World.TOKEN)
                    || (outcome.out() + outcome.err()).contains(NEW_TOKEN));
            run.step("old token", "in " + holding.size() + " files, new token in " + holdingNew + ", printed: " + printed);
            if (!holding.isEmpty() || printed || !holdingNew.equals(List.of(world.envFile().getFileName().toString()))) {
                throw new AssertionError("a token leaked: old in " + holding + ", new in " + holdingNew
                        + ", printed " + printed);
            }
        }
    }

    /** The files under {@code home} (logs, env file, backups; not the database's own) holding {@code token}. */
    private static List<String> filesHolding(Path home, String token) {
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !home.relativize(file).startsWith("pgdata"))
                    .filter(file -> contains(file, token))
                    .map(file -> home.relativize(file).toString())
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static boolean contains(Path file, String token) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(token);
        } catch (IOException unreadable) {
            return false;
        }
    }
}
