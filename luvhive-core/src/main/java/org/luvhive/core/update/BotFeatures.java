package org.luvhive.core.update;

import java.util.List;
import org.luvhive.core.Maintenance;
import org.luvhive.core.delivery.DeliveryEvents;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * What the bot does for its users, as the delivery pipeline needs it: the router of
 * handlers, the reactions to delivery outcomes, the calls that decorate the bot at
 * start-up (command menu), and periodic maintenance. Implementations are thread-safe.
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
}
