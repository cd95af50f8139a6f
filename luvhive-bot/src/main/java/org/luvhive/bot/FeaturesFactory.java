package org.luvhive.bot;

import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.update.BotFeatures;

/** Builds what the bot does once the database and the outbox exist. */
@FunctionalInterface
public interface FeaturesFactory {

    BotFeatures create(Jdbi jdbi, Outbox outbox);
}
