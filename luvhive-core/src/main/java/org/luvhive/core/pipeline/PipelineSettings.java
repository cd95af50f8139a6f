package org.luvhive.core.pipeline;

import java.time.Duration;
import org.luvhive.core.delivery.SenderSettings;

/**
 * How the delivery pipeline runs; the defaults suit production.
 *
 * @param inboxThreads      threads handling updates; 0 makes an instance that only stores them
 * @param inboxIdlePoll     how often an idle inbox thread looks for updates other instances stored
 * @param handlerAttempts   attempts of a failing handler before the update is parked
 * @param handlerRetry      the first back-off between them (doubling)
 * @param debounceWindow    the same button pressed again within this is handled once
 * @param slowDownCooldown  at most one "slow down" notice per user per this
 * @param backlogAfter      updates older than this when handled are a backlog, not spam
 * @param chatBuckets       most per-chat send buckets kept in memory
 * @param sender            the outbox sender's settings
 */
public record PipelineSettings(int inboxThreads, Duration inboxIdlePoll, int handlerAttempts, Duration handlerRetry,
                               Duration debounceWindow, Duration slowDownCooldown, Duration backlogAfter,
                               int chatBuckets, SenderSettings sender) {

    public static PipelineSettings defaults() {
        return new PipelineSettings(2, Duration.ofMillis(200), 5, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(30), 10_000, SenderSettings.defaults());
    }

    public PipelineSettings withInboxThreads(int threads) {
        return new PipelineSettings(threads, inboxIdlePoll, handlerAttempts, handlerRetry, debounceWindow,
                slowDownCooldown, backlogAfter, chatBuckets, sender);
    }

    public PipelineSettings withSender(SenderSettings otherSender) {
        return new PipelineSettings(inboxThreads, inboxIdlePoll, handlerAttempts, handlerRetry, debounceWindow,
                slowDownCooldown, backlogAfter, chatBuckets, otherSender);
    }
}
