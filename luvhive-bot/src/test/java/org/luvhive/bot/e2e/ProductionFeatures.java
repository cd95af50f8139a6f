package org.luvhive.bot.e2e;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.bot.BotFeatures;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.bot.LuvhiveFeatures;
import org.luvhive.core.caches.CacheRegistry;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.ViolationsLog;

/** Builds the bot as {@code BotMain} does: with the runner's caches, meters and violations log. */
final class ProductionFeatures implements BotFeatures.Factory {

    private final Clock clock;
    private final FeatureSettings behaviour;

    ProductionFeatures(Clock clock, FeatureSettings behaviour) {
        this.clock = clock;
        this.behaviour = behaviour;
    }

    @Override
    public BotFeatures create(Jdbi jdbi, Outbox outbox, CacheRegistry caches, MeterRegistry registry,
                              ViolationsLog violations) {
        return new LuvhiveFeatures(jdbi, outbox, clock, behaviour, caches, registry, violations);
    }
}
