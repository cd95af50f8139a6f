package org.luvhive.bot.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.luvhive.core.telegram.TelegramCallException;
import org.luvhive.core.telegram.TelegramGateway;
import org.luvhive.core.update.InboxStore;
import org.luvhive.core.update.UpdateKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long polling with our own loop over {@code getUpdates} (not TelegramBots' BotSession,
 * which confirms updates before they are handled): each batch is stored in the inbox
 * first, and only the next call's higher offset tells Telegram it was received. A crash
 * at any point loses nothing; what Telegram sends again is recognised by its update_id.
 * Errors back off (a 409 Conflict too: another poller or a webhook), never in a tight
 * loop. Thread-safe.
 */
public final class LongPollingIntake implements AutoCloseable {

    public static final String POLLS = "luvhive.intake.polls";
    private static final Logger LOG = LoggerFactory.getLogger(LongPollingIntake.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Supplier<TelegramGateway> gateway;
    private final InboxStore inbox;
    private final Duration pollTimeout;
    private final MeterRegistry registry;
    private final Thread thread;
    private volatile boolean running;
    private volatile int offset;

    public LongPollingIntake(Supplier<TelegramGateway> gateway, InboxStore inbox, Duration pollTimeout,
                             MeterRegistry registry) {
        this.gateway = gateway;
        this.inbox = inbox;
        this.pollTimeout = pollTimeout;
        this.registry = registry;
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
                    case FLOOD_WAIT -> failure.retryAfter().orElse(backoff);
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
                LOG.error("Storing updates failed; they stay unconfirmed and come again: {}", storeFailure.getMessage());
                sleep(backoff);
                backoff = doubled(backoff);
            }
        }
    }

    /** One getUpdates: stores what came, then moves the offset past it. */
    void pollOnce(TelegramGateway current) {
        List<Update> updates = current.execute(GetUpdates.builder()
                .offset(offset)
                .limit(100)
                .timeout((int) pollTimeout.toSeconds())
                .allowedUpdates(UpdateKind.allowedUpdates())
                .build());
        registry.counter(POLLS, "outcome", "ok").increment();
        if (updates.isEmpty() || !running) {
            return;
        }
        inbox.store(updates);
        offset = updates.stream().mapToInt(Update::getUpdateId).max().orElse(offset - 1) + 1;
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
