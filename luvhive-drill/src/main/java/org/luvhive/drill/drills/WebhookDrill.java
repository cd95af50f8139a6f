package org.luvhive.drill.drills;

import java.time.Duration;
import java.util.Map;
import org.luvhive.drill.run.Drill;
import org.luvhive.drill.run.DrillRun;
import org.luvhive.drill.world.LoadBalancer;
import org.luvhive.drill.world.Operator;
import org.luvhive.drill.world.Traffic;
import org.luvhive.drill.world.Waits;
import org.luvhive.drill.world.World;

/**
 * Webhook 5xx: the bot takes updates by webhook behind a load balancer, which starts
 * answering 500; {@code luvhive webhook info} shows Telegram's last error and
 * {@code webhook check} fails; {@code luvhive switch-mode polling} brings intake back live,
 * the updates Telegram kept are handled once; after the repair, back to the webhook.
 */
public final class WebhookDrill implements Drill {

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public String section() {
        return "Webhook 5xx";
    }

    @Override
    public void run(DrillRun run) {
        int botPort = World.freePort();
        try (LoadBalancer balancer = LoadBalancer.start(botPort);
             World world = World.start(1, Map.of("PORT", String.valueOf(botPort), "EXTERNAL_URL", balancer.url()))) {
            Operator operator = world.operator();
            run.step("start", "emulator, one bot behind a load balancer at " + balancer.url());
            run.expect(operator, run.line("luvhive switch-mode webhook"), 0);
            Waits.until("Telegram posts to the webhook", Duration.ofSeconds(30),
                    () -> world.telegram().webhookStatus().isSet() && !world.telegram().isLongPolling());
            try (Traffic traffic = Traffic.start(world, 2, Duration.ofSeconds(3), 1)) {
                run.step("traffic", "4 users in 2 chats, each writing a text every 3 s, by webhook");
                run.expect(operator, run.line("luvhive webhook check"), 0);

                balancer.failing(true);
                run.broken("the load balancer answers 500 to every request");
                run.await(operator, run.line("luvhive webhook info"),
                        outcome -> outcome.out().contains("500"), Duration.ofSeconds(60));
                run.detected("Telegram's last error is the 500");
                run.expect(operator, run.line("luvhive webhook check"), 42);

                run.expect(operator, run.line("luvhive switch-mode polling"), 0);
                int deliveredAtFix = traffic.delivered();
                run.await(operator, run.line("luvhive webhook info"),
                        outcome -> outcome.out().contains("Pending:        0 update") && world.telegram().isLongPolling(),
                        Duration.ofSeconds(60));
                Waits.until("texts reach their partners again", Duration.ofSeconds(60),
                        () -> traffic.delivered() > deliveredAtFix + 4);
                run.expect(operator, run.line("luvhive status"), 0);
                run.recovered("polling: pending 0, " + (traffic.delivered() - deliveredAtFix) + " more texts delivered");

                balancer.failing(false);
                run.step("repair", "the load balancer forwards again");
                run.expect(operator, run.line("luvhive webhook check"), 0);
                run.expect(operator, run.line("luvhive switch-mode webhook"), 0);
                run.expect(operator, run.line("luvhive webhook info"), 0);
                Waits.until("Telegram posts to the webhook again", Duration.ofSeconds(30),
                        () -> world.telegram().webhookStatus().isSet() && !world.telegram().isLongPolling());
                run.traffic(traffic.finish(Duration.ofSeconds(60)));
            }
        }
    }
}
