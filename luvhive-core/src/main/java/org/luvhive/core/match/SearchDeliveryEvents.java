package org.luvhive.core.match;

import org.jdbi.v3.core.Handle;
import org.luvhive.core.delivery.DeliveredMessage;
import org.luvhive.core.delivery.DeliveryEvents;

/** Keeps the id Telegram gave each "Searching…" message, so it can be edited in place. Thread-safe. */
public final class SearchDeliveryEvents implements DeliveryEvents {

    private final SearchStatus status;

    public SearchDeliveryEvents(SearchStatus status) {
        this.status = status;
    }

    @Override
    public void delivered(Handle handle, DeliveredMessage delivered) {
        if (delivered.correlation().isPresent() && delivered.telegramMessageId().isPresent()) {
            status.delivered(handle, delivered.correlation().get(), delivered.telegramMessageId().get());
        }
    }
}
