package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An update waiting to be fetched or delivered. {@code chatKey} orders webhook deliveries:
 * two updates of one chat are never in flight together. The JSON is never modified after
 * construction, so instances may be shared between threads.
 */
public record PendingUpdate(int updateId, String type, long chatKey, ObjectNode json) {
}
