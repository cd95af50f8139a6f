package org.luvhive.core.bot;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.Maintenance;
import org.luvhive.core.caches.CacheRegistry;
import org.luvhive.core.delivery.DeliveryEvents;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.settings.OpsSettingsListener;
import org.luvhive.core.update.UpdateRouter;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * What the bot does for its users, as the runner wires it: the router of handlers (for
 * the inbox), the reactions to delivery outcomes (for the sender), the calls that decorate
 * the bot at start-up (command menu), and periodic maintenance. {@link LuvhiveFeatures}
 * is LuvHive's; tests plug in smaller ones. Implementations are thread-safe.
 */
public interface BotFeatures {

    UpdateRouter router();

    default DeliveryEvents deliveryEvents() {
        return DeliveryEvents.none();
    }

    /** Best-effort calls at start-up; a failure is logged and retried later, never fatal. */
    default List<BotApiMethod<?>> startupCalls() {
        return List.of();
    }

    default List<Maintenance> maintenance() {
        return List.of();
    }

    /** Subscribes to the runtime settings the features follow (moderation level and rules, fraud limits). */
    default void follow(OpsSettingsListener listener) {
    }

    /** Builds the features once the database, the outbox, the cache registry and the violations log exist. */
    @FunctionalInterface
    interface Factory {

        /**
         * @param outbox where handlers queue what they send
         * @param caches the runner's bounded caches (in metrics, emptied by {@code luvhive cache clear})
         * @param registry the runner's meters (moderation counts its decisions there)
         * @param violations the runner's {@code violations.log} (moderation writes its decisions there)
         */
        BotFeatures create(Jdbi jdbi, Outbox outbox, CacheRegistry caches, MeterRegistry registry,
                           ViolationsLog violations);
    }
}
