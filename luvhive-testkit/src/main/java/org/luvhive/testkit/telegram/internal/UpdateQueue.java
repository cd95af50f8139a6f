package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One bot's unconfirmed updates and the two ways out of them: {@code getUpdates} long polls
 * and webhook deliveries. Thread-safe: one lock guards the updates, the webhook and the
 * delivery state, and one condition wakes pollers and the webhook dispatcher.
 *
 * <p>Waiting is done in real time (a parked HTTP request cannot be moved by a manual clock).
 */
public final class UpdateQueue {
    private static final Set<String> EXCLUDED_BY_DEFAULT =
            Set.of("chat_member", "message_reaction", "message_reaction_count");
    private static final int FIRST_UPDATE_ID = 100_000_001;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Integer, PendingUpdate> pending = new LinkedHashMap<>();
    private final Set<Integer> inFlightUpdates = new HashSet<>();
    /** In flight when drop_pending_updates came: gone once their delivery ends, whatever its outcome. */
    private final Set<Integer> droppedInFlight = new HashSet<>();
    private final Set<Long> inFlightChats = new HashSet<>();
    private int nextUpdateId = FIRST_UPDATE_ID;
    private List<String> allowedUpdates = List.of();
    private long pollGeneration;
    private int waitingPolls;
    private WebhookConfig webhook;
    private WebhookErrorState webhookErrors = WebhookErrorState.NONE;
    private long deliveriesPausedUntilNanos = System.nanoTime();
    private boolean closed;

    /** What getWebhookInfo reports about failures; epoch seconds, 0 when none. */
    public record WebhookErrorState(long lastErrorDate, String lastErrorMessage) {
        static final WebhookErrorState NONE = new WebhookErrorState(0, null);
    }

    /** Adds an update unless the bot's allowed_updates filter excludes its type. */
    public void add(String type, long chatKey, ObjectNode payload, ObjectNode updateSkeleton) {
        lock.lock();
        try {
            if (closed || !isAllowed(type)) {
                return;
            }
            int updateId = nextUpdateId++;
            updateSkeleton.put("update_id", updateId);
            updateSkeleton.set(type, payload);
            pending.put(updateId, new PendingUpdate(updateId, type, chatKey, updateSkeleton));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds an update given as raw text, unless the allowed_updates filter excludes
     * {@code type}; every {@code ${update_id}} in it becomes the update's number.
     * Returns that number, or 0 when the update was filtered out.
     */
    public int addRaw(String type, String rawWithPlaceholder, ObjectNode empty) {
        lock.lock();
        try {
            if (closed || !isAllowed(type)) {
                return 0;
            }
            int updateId = nextUpdateId++;
            String raw = rawWithPlaceholder.replace("${update_id}", Integer.toString(updateId));
            // a key of its own: a raw update holds up no chat's webhook deliveries
            pending.put(updateId, new PendingUpdate(updateId, type, Long.MIN_VALUE + updateId, empty, raw));
            changed.signalAll();
            return updateId;
        } finally {
            lock.unlock();
        }
    }

    private boolean isAllowed(String type) {
        return allowedUpdates.isEmpty() ? !EXCLUDED_BY_DEFAULT.contains(type) : allowedUpdates.contains(type);
    }

    /**
     * getUpdates: confirms updates below {@code offset}, then returns up to {@code limit}
     * updates, waiting up to {@code timeout} for the first one. A newer poll terminates this
     * one with 409, as on Telegram.
     */
    public List<PendingUpdate> poll(long offset, int limit, Duration timeout, List<String> newAllowedUpdates)
            throws InterruptedException {
        lock.lock();
        try {
            if (webhook != null) {
                throw webhookActive();
            }
            confirm(offset);
            if (newAllowedUpdates != null) {
                allowedUpdates = List.copyOf(newAllowedUpdates);
            }
            long generation = ++pollGeneration;
            changed.signalAll();
            long remaining = timeout.toNanos();
            while (true) {
                if (closed) {
                    return List.of();
                }
                if (generation != pollGeneration) {
                    throw ApiError.conflict("terminated by other getUpdates request; "
                            + "make sure that only one bot instance is running");
                }
                if (webhook != null) {
                    // A webhook set while this poll was parked ends it, as Telegram does.
                    throw ApiError.conflict("terminated by setWebhook request");
                }
                List<PendingUpdate> batch = firstUpdates(limit);
                if (!batch.isEmpty() || remaining <= 0) {
                    return batch;
                }
                waitingPolls++;
                try {
                    remaining = changed.awaitNanos(remaining);
                } finally {
                    waitingPolls--;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static ApiError webhookActive() {
        return ApiError.conflict("can't use getUpdates method while webhook is active; "
                + "use deleteWebhook to delete the webhook first");
    }

    private void confirm(long offset) {
        if (offset > 0) {
            pending.keySet().removeIf(updateId -> updateId < offset);
        } else if (offset < 0) {
            long keep = -offset;
            int drop = (int) Math.max(0, pending.size() - keep);
            var iterator = pending.keySet().iterator();
            for (int i = 0; i < drop; i++) {
                iterator.next();
                iterator.remove();
            }
        }
    }

    private List<PendingUpdate> firstUpdates(int limit) {
        List<PendingUpdate> batch = new ArrayList<>();
        for (PendingUpdate update : pending.values()) {
            if (batch.size() >= limit) {
                break;
            }
            if (droppedInFlight.contains(update.updateId())) {
                continue; // dropped while its webhook delivery was in flight: gone for getUpdates already
            }
            batch.add(update);
        }
        return batch;
    }

    public void setWebhook(WebhookConfig config, boolean dropPending) {
        lock.lock();
        try {
            boolean sameUrl = webhook != null && webhook.url().equals(config.url());
            webhook = config;
            if (config.allowedUpdates() != null) {
                allowedUpdates = config.allowedUpdates();
            }
            if (!sameUrl) {
                webhookErrors = WebhookErrorState.NONE;
                deliveriesPausedUntilNanos = System.nanoTime();
            }
            if (dropPending) {
                dropAllNotInFlight();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Returns whether a webhook was set. */
    public boolean deleteWebhook(boolean dropPending) {
        lock.lock();
        try {
            boolean wasSet = webhook != null;
            webhook = null;
            webhookErrors = WebhookErrorState.NONE;
            if (dropPending) {
                dropAllNotInFlight();
            }
            changed.signalAll();
            return wasSet;
        } finally {
            lock.unlock();
        }
    }

    private void dropAllNotInFlight() {
        pending.keySet().removeIf(updateId -> !inFlightUpdates.contains(updateId));
        droppedInFlight.addAll(inFlightUpdates);
    }

    public WebhookConfig webhook() {
        lock.lock();
        try {
            return webhook;
        } finally {
            lock.unlock();
        }
    }

    public WebhookErrorState webhookErrors() {
        lock.lock();
        try {
            return webhookErrors;
        } finally {
            lock.unlock();
        }
    }

    public List<String> allowedUpdates() {
        lock.lock();
        try {
            return allowedUpdates;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a getUpdates call is parked waiting for updates right now. */
    public boolean hasWaitingPoll() {
        lock.lock();
        try {
            return waitingPolls > 0;
        } finally {
            lock.unlock();
        }
    }

    public int pendingCount() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** A claimed webhook delivery: the update and the webhook it goes to. */
    public record Delivery(PendingUpdate update, WebhookConfig webhook) {
    }

    /**
     * Blocks until an update can be delivered: a webhook is set, fewer than max_connections
     * deliveries are in flight, none in flight for the update's chat, and the back-off after
     * the last failure has passed. Returns null once closed.
     */
    public Delivery claimDelivery() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                long wait = deliveriesPausedUntilNanos - System.nanoTime();
                if (wait > 0) {
                    changed.awaitNanos(wait);
                    continue;
                }
                PendingUpdate next = webhook == null || inFlightUpdates.size() >= webhook.maxConnections()
                        ? null : firstDeliverable();
                if (next != null) {
                    inFlightUpdates.add(next.updateId());
                    inFlightChats.add(next.chatKey());
                    return new Delivery(next, webhook);
                }
                changed.await(1, TimeUnit.SECONDS);
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private PendingUpdate firstDeliverable() {
        for (PendingUpdate update : pending.values()) {
            if (!inFlightUpdates.contains(update.updateId()) && !inFlightChats.contains(update.chatKey())) {
                return update;
            }
        }
        return null;
    }

    /**
     * Ends a delivery. A failed one stays pending, records the error for getWebhookInfo and
     * pauses all deliveries for {@code backoff}.
     */
    public void completeDelivery(PendingUpdate update, String errorMessageOrNull, long nowEpochSeconds,
                                 Duration backoff) {
        lock.lock();
        try {
            inFlightUpdates.remove(update.updateId());
            inFlightChats.remove(update.chatKey());
            if (droppedInFlight.remove(update.updateId())) {
                pending.remove(update.updateId());
            }
            if (errorMessageOrNull == null) {
                pending.remove(update.updateId());
            } else {
                webhookErrors = new WebhookErrorState(nowEpochSeconds, errorMessageOrNull);
                deliveriesPausedUntilNanos = Math.max(deliveriesPausedUntilNanos, System.nanoTime() + backoff.toNanos());
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes everybody waiting; polls return empty, the dispatcher stops. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
