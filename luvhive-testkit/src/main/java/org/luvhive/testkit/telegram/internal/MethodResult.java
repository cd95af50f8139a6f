package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful call's {@code result}, an optional {@code description} (setWebhook has one),
 * and whether it put a message into a chat (for the counters). Immutable.
 */
public record MethodResult(JsonNode result, String description, boolean delivered) {

    public static MethodResult of(JsonNode result) {
        return new MethodResult(result, null, false);
    }

    public static MethodResult delivered(JsonNode result) {
        return new MethodResult(result, null, true);
    }
}
