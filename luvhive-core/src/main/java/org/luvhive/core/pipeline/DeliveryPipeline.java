package org.luvhive.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.luvhive.core.Maintenance;
import org.luvhive.core.db.Database;
import org.luvhive.core.delivery.DeliveryEvents;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.OutboxSender;
import org.luvhive.core.delivery.OutboxStats;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.delivery.WakeSignal;
import org.luvhive.core.limits.ClockTimeMeter;
import org.luvhive.core.limits.LiveLimits;
import org.luvhive.core.limits.LocalRateLimiter;
import org.luvhive.core.limits.PostgresRateLimiter;
import org.luvhive.core.limits.RateLimiter;
import org.luvhive.core.limits.ReservingRateLimiter;
import org.luvhive.core.telegram.TelegramGateway;
import org.luvhive.core.update.InboundGate;
import org.luvhive.core.update.InboxProcessor;
import org.luvhive.core.update.InboxRunner;
import org.luvhive.core.update.InboxStore;
import org.luvhive.core.update.UpdateRouter;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;

/**
 * The way an update travels, assembled: inbox store → processor (gate, router, handlers)
 * → outbox → sender. The intake (long polling or webhook) feeds {@link #inbox()}; the
 * bot's features come in as the router and the delivery events. Thread-safe.
 */
public final class DeliveryPipeline implements AutoCloseable {

    private final InboxStore inbox;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final InboxRunner runner;
    private final OutboxStats stats;
    private final LocalRateLimiter chatLimiter;
    private final PipelineRetention retention;

    private DeliveryPipeline(InboxStore inbox, Outbox outbox, OutboxSender sender, InboxRunner runner, OutboxStats stats,
                             LocalRateLimiter chatLimiter, PipelineRetention retention) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.sender = sender;
        this.runner = runner;
        this.stats = stats;
        this.chatLimiter = chatLimiter;
        this.retention = retention;
    }

    /**
     * Assembles the pipeline around an outbox that exists already (the features write to
     * it), in dependency order: the wake signal, the outbox, the features, then this.
     *
     * @param outbox  where handlers queue calls; it raises {@code sends} after each commit
     * @param sends   what the sender waits on between passes
     * @param router  the handler of each update
     * @param events  what the features do with delivery outcomes
     * @param gateway the current gateway (it changes when the token is rotated)
     */
    public static DeliveryPipeline create(Database database, Outbox outbox, WakeSignal sends, UpdateRouter router,
                                          DeliveryEvents events, Supplier<TelegramGateway> gateway, LiveLimits limits,
                                          ViolationsLog violations, ObjectMapper mapper, Clock clock,
                                          MeterRegistry registry, PipelineSettings settings) {
        ClockTimeMeter time = new ClockTimeMeter(clock);
        PostgresRateLimiter shared = new PostgresRateLimiter(database.dataSource(), time, Duration.ofHours(1));
        LocalRateLimiter chats = new LocalRateLimiter(time, settings.chatBuckets(), Duration.ofMinutes(10));
        // the global send bucket: one round trip per 50 ms of its rate, not per send (docs/performance.md)
        RateLimiter globalSends = new ReservingRateLimiter(shared, time, Duration.ofMillis(50));
        OutboxSender sender = new OutboxSender(database.jdbi(), database::openDedicatedConnection, mapper, gateway, globalSends, chats, limits, events,
                violations, sends, clock, registry, settings.sender());
        InboundGate gate = new InboundGate(limits, registry, settings.debounceWindow(),
                settings.slowDownCooldown(), settings.backlogAfter());
        InboxProcessor processor = new InboxProcessor(database.jdbi(), mapper, router, gate, outbox,
                new CurrentGateway(gateway), clock, registry, settings.handlerAttempts(), settings.handlerRetry());
        InboxRunner runner = new InboxRunner(processor, settings.inboxThreads(), settings.inboxIdlePoll());
        InboxStore inbox = new InboxStore(database.jdbi(), mapper, clock, registry, runner::wake);
        PipelineRetention retention = new PipelineRetention(database.jdbi(), shared, clock, registry,
                PipelineRetention.Periods.defaults());
        return new DeliveryPipeline(inbox, outbox, sender, runner, new OutboxStats(database.jdbi(), clock), chats,
                retention);
    }

    public void start() {
        sender.start();
        runner.start();
    }

    /** Where the intake stores updates. */
    public InboxStore inbox() {
        return inbox;
    }

    public Outbox outbox() {
        return outbox;
    }

    public OutboxSender sender() {
        return sender;
    }

    public OutboxStats stats() {
        return stats;
    }

    /** The in-process per-chat send buckets (rate-limit state, watched in metrics, never cleared). */
    public LocalRateLimiter chatLimiter() {
        return chatLimiter;
    }

    /** The pipeline's retention jobs, to schedule. */
    public List<Maintenance> maintenance() {
        return retention.jobs();
    }

    /**
     * Stops in the safe order: handlers in progress finish, then calls in flight; what
     * is not handled or sent stays in the database for the next start.
     */
    public void stop(Duration grace) {
        runner.stop(grace);
        sender.stop(grace);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    /** The gateway of the moment, for handlers' direct calls. */
    private record CurrentGateway(Supplier<TelegramGateway> gateway) implements TelegramGateway {
        @Override
        public <T extends Serializable> T execute(
                BotApiMethod<T> method) {
            return gateway.get().execute(method);
        }

        @Override
        public boolean setWebhook(SetWebhook setWebhook) {
            return gateway.get().setWebhook(setWebhook);
        }
    }
}
