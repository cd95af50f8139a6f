package org.luvhive.drill.drills;

import java.time.Duration;
import java.util.Map;
import org.luvhive.drill.run.Drill;
import org.luvhive.drill.run.DrillRun;
import org.luvhive.drill.world.Operator;
import org.luvhive.drill.world.SpamWave;
import org.luvhive.drill.world.Traffic;
import org.luvhive.drill.world.Waits;
import org.luvhive.drill.world.World;

/**
 * High abuse/spam reports: a wave of accounts pushes contact-app handles and links at a
 * user, which the normal level relays with a strike (each account is muted after its
 * second, the next takes over); {@code luvhive violations report} shows the rule hits,
 * {@code luvhive moderation strictness strict} stops the spam reaching anyone, and the
 * benign users' texts all arrive once. Back to normal after.
 */
public final class AbuseDrill implements Drill {

    private static final Duration NEXT_ACCOUNT_AFTER = Duration.ofSeconds(1);

    @Override
    public String name() {
        return "abuse";
    }

    @Override
    public String section() {
        return "High abuse/spam reports";
    }

    @Override
    public void run(DrillRun run) {
        try (World world = World.start(1, Map.of())) {
            Operator operator = world.operator();
            run.step("start", "emulator, one bot at moderation level normal");
            try (Traffic traffic = Traffic.start(world, 2, Duration.ofSeconds(3), 1)) {
                run.step("traffic", "4 benign users in 2 chats, each writing a text every 3 s");
                try (SpamWave wave = SpamWave.start(world, NEXT_ACCOUNT_AFTER)) {
                    run.broken("a spam wave: account after account meets a user and pushes a contact handle and a link");
                    Waits.until("spam reaches the user", Duration.ofSeconds(60), () -> wave.delivered() > 0);
                    run.await(operator, run.line("luvhive violations report --since 1h"),
                            outcome -> outcome.out().contains("words.contact-apps"), Duration.ofSeconds(60));
                    run.detected(wave.delivered() + " spam texts delivered; the contact-apps rule's hits show");
                    run.expect(operator, run.line("luvhive moderation status"), 0);
                    run.expect(operator, run.line("luvhive violations report --since 1d --by kind"), 0);

                    run.expect(operator, run.line("luvhive moderation strictness strict"), 0);
                    // the bots apply it within a second: what the next account sends must not arrive
                    int sentAtFix = wave.sent() + 2;
                    Waits.until("three more accounts wrote", Duration.ofSeconds(90), () -> wave.sent() >= sentAtFix + 6);
                    int deliveredBenign = traffic.delivered();
                    Waits.until("benign texts flow", Duration.ofSeconds(60),
                            () -> traffic.delivered() > deliveredBenign + 4);
                    long spamSince = wave.deliveredAfter(sentAtFix);
                    run.recovered((wave.sent() - sentAtFix) + " spam texts sent since strict applied, " + spamSince
                            + " delivered; benign texts flow");
                    if (spamSince > 0) {
                        throw new AssertionError(spamSince + " spam texts reached the user after strictness strict");
                    }
                    run.expect(operator, run.line("luvhive moderation status"), 0);
                    run.expect(operator, run.line("luvhive status"), 0);
                }
                run.expect(operator, run.line("luvhive moderation strictness normal"), 0);
                run.traffic(traffic.finish(Duration.ofSeconds(60)));
            }
        }
    }
}
