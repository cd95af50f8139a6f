package org.luvhive.core.ops.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * One request {@link WebhookProbe} sent and what came back. Immutable.
 *
 * @param name     what was sent, e.g. {@code right secret, empty body}
 * @param expected the status LuvHive's webhook answers to it
 * @param status   the status that came back; empty when no answer came (the reason is in {@code failure})
 * @param latency  from sending the request to the status line
 * @param failure  why no answer came (connection refused, timeout, TLS)
 * @param verdict  what the answer means, in one sentence for the operator
 */
public record ProbeResult(String name, int expected, Optional<Integer> status, Duration latency,
                          Optional<String> failure, String verdict) {

    public boolean ok() {
        return status.isPresent() && status.get() == expected;
    }
}
