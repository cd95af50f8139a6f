package org.luvhive.bot.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.luvhive.core.delivery.OutboxSender;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.telegram.FetchUpdates;
import org.luvhive.core.telegram.RawUpdate;
import org.luvhive.core.telegram.TelegramCallException;
import org.luvhive.core.telegram.TelegramGateway;
import org.luvhive.core.update.InboxStore;
import org.luvhive.core.update.UpdateKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling with our own loop over {@code getUpdates} (not TelegramBots' BotSession,
 * which confirms updates before they are handled): each batch is stored in the inbox
 * first, and only the next call's higher offset tells Telegram it was received. A crash
 * at any point loses nothing; what Telegram sends again is recognised by its update_id.
 * Updates are read as sent ({@link FetchUpdates}): one that cannot be understood goes to
 * the quarantine with the batch instead of failing it. While the database cannot store a
 * batch, the offset stays where it is, so Telegram keeps the updates. Errors back off (a
 * 409 Conflict too: another poller or a webhook), never in a tight loop; a 429 waits its
 * {@code retry_after} and is counted and logged as a FloodWait. Thread-safe.
 */
public final class LongPollingIntake implements AutoCloseable {

    public static final String POLLS = "luvhive.intake.polls";
    private static final Logger LOG = LoggerFactory.getLogger(LongPollingIntake.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Storing waits on the database, not on Telegram: try again soon after it is back. */
    private static final Duration MAX_STORE_BACKOFF = Duration.ofSeconds(4);

    private final Supplier<TelegramGateway> gateway;
    private final InboxStore inbox;
    private final Duration pollTimeout;
    private final MeterRegistry registry;
    private final ViolationsLog violations;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running;
    private volatile long offset;

    public LongPollingIntake(Supplier<TelegramGateway> gateway, InboxStore inbox, Duration pollTimeout,
                             MeterRegistry registry, ViolationsLog violations, Clock clock) {
        this.gateway = gateway;
        this.inbox = inbox;
        this.pollTimeout = pollTimeout;
        this.registry = registry;
        this.violations = violations;
        this.clock = clock;
        this.thread = new Thread(this::run, "luvhive-long-poll");
        this.thread.setDaemon(true);
    }

    public void start() {
        running = true;
        thread.start();
        LOG.info("Long polling started (timeout {} s)", pollTimeout.toSeconds());
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            TelegramGateway used = gateway.get();
            try {
                pollOnce(used);
                backoff = Duration.ofSeconds(1);
            } catch (TelegramCallException failure) {
                if (!running) {
                    return;
                }
                if (gateway.get() != used) {
                    continue; // the token was rotated under this call: try the new one at once
                }
                Duration wait = switch (failure.failure()) {
                    case FLOOD_WAIT -> floodWait(failure, backoff);
                    case CONFLICT -> {
                        LOG.warn("getUpdates conflict: {} (another instance polling, or a webhook is set)",
                                failure.description());
                        yield backoff;
                    }
                    case UNAUTHORIZED -> {
                        LOG.error("Telegram refused the bot token ({}); check BOT_TOKEN", failure.description());
                        yield MAX_BACKOFF;
                    }
                    default -> {
                        LOG.warn("getUpdates failed: {}; retrying in {} s", failure.getMessage(), backoff.toSeconds());
                        yield backoff;
                    }
                };
                registry.counter(POLLS, "outcome", failure.failure().name().toLowerCase(Locale.ROOT)).increment();
                sleepUnlessRotated(wait, used);
                backoff = doubled(backoff);
            } catch (RuntimeException storeFailure) {
                if (!running) {
                    return;
                }
                registry.counter(POLLS, "outcome", "store_failed").increment();
                LOG.error("Storing updates failed; they stay unconfirmed and come again: {}", storeFailure.getMessage());
                sleep(backoff.compareTo(MAX_STORE_BACKOFF) > 0 ? MAX_STORE_BACKOFF : backoff);
                backoff = doubled(backoff);
            }
        }
    }

    /** One getUpdates: stores what came, then moves the offset past it. */
    void pollOnce(TelegramGateway current) {
        List<RawUpdate> updates = current.execute(new FetchUpdates(offset, 100, (int) pollTimeout.toSeconds(),
                UpdateKind.allowedUpdates()));
        registry.counter(POLLS, "outcome", "ok").increment();
        if (updates.isEmpty() || !running) {
            return;
        }
        inbox.store(updates, InboxStore.Source.POLLING);
        offset = nextOffset(offset, updates);
    }

    /**
     * The offset that confirms the batch. Telegram numbers updates one by one, so an update
     * whose update_id cannot be read (quarantined) is taken to be the one after its
     * predecessor: never beyond its real number, so nothing unstored is ever confirmed.
     */
    static long nextOffset(long offset, List<RawUpdate> batch) {
        long next = offset;
        long previous = offset - 1; // -1: nothing known yet
        for (RawUpdate update : batch) {
            long id;
            if (update.updateId().isPresent()) {
                id = update.updateId().get();
            } else if (previous >= 0) {
                id = previous + 1;
            } else {
                continue;
            }
            next = Math.max(next, id + 1);
            previous = id;
        }
        return next;
    }

    /** A 429 on getUpdates: counted and logged like the sender's, and waited out. */
    private Duration floodWait(TelegramCallException failure, Duration backoff) {
        Duration retryAfter = failure.retryAfter().orElse(backoff);
        registry.counter(OutboxSender.FLOOD_WAITS, "scope", "intake", "method", "getupdates").increment();
        violations.floodWaitOnIntake(clock.instant(), "getupdates", retryAfter.toSeconds());
        LOG.warn("FloodWait on getUpdates: Telegram asked to wait {} s", retryAfter.toSeconds());
        return retryAfter;
    }

    private static Duration doubled(Duration backoff) {
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    /** Waits, but not past a token rotation: a 401 usually means the new token is on its way. */
    private void sleepUnlessRotated(Duration duration, TelegramGateway used) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (running && gateway.get() == used && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000))));
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** Stops polling; a poll in progress is abandoned (its updates stay unconfirmed). */
    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
