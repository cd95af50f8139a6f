package org.luvhive.bot;

import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.update.BotFeatures;

/** Builds what the bot does once the database and the outbox exist. */
@FunctionalInterface
public interface FeaturesFactory {

    BotFeatures create(Jdbi jdbi, Outbox outbox);

    /** With the runner's cache registry (bounded, in metrics, cleared by {@code luvhive cache clear}). */
    default BotFeatures create(Jdbi jdbi, Outbox outbox, org.luvhive.core.caches.CacheRegistry caches) {
        return create(jdbi, outbox);
    }
}
