package org.luvhive.testkit.telegram.internal;

import java.util.List;

/** A webhook as set by {@code setWebhook}; immutable. {@code secretToken} may be null. */
public record WebhookConfig(String url, String secretToken, int maxConnections, List<String> allowedUpdates) {
    public WebhookConfig {
        allowedUpdates = allowedUpdates == null ? null : List.copyOf(allowedUpdates);
    }
}
