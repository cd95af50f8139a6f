package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An update waiting to be fetched or delivered. {@code chatKey} orders webhook deliveries:
 * two updates of one chat are never in flight together. The JSON is never modified after
 * construction, so instances may be shared between threads. An update injected as raw
 * text ({@code raw}, for testing what a bot does with updates it cannot understand) is
 * sent exactly as written; its {@code json} is then an empty object.
 */
public record PendingUpdate(int updateId, String type, long chatKey, ObjectNode json, String raw) {

    public PendingUpdate(int updateId, String type, long chatKey, ObjectNode json) {
        this(updateId, type, chatKey, json, null);
    }

    /** The update as it goes over the wire. */
    public String text() {
        return raw != null ? raw : json.toString();
    }
}
