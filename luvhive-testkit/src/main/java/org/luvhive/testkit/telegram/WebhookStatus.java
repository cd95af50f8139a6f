package org.luvhive.testkit.telegram;

/**
 * A bot's webhook as getWebhookInfo reports it. Immutable.
 *
 * @param url                "" when no webhook is set
 * @param pendingUpdateCount updates not yet delivered (or fetched)
 * @param lastErrorDate      Unix seconds of the last failed delivery, 0 if none
 * @param lastErrorMessage   why it failed, null if none
 * @param maxConnections     0 when no webhook is set
 */
public record WebhookStatus(String url, int pendingUpdateCount, long lastErrorDate, String lastErrorMessage,
                            int maxConnections) {

    public boolean isSet() {
        return !url.isEmpty();
    }
}
