package org.luvhive.core.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.Serializable;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.internal.ChatPauses;
import org.luvhive.core.delivery.internal.ClaimOwnerSession;
import org.luvhive.core.delivery.internal.ClaimStep;
import org.luvhive.core.delivery.internal.DispatchPlan;
import org.luvhive.core.delivery.internal.MethodTypes;
import org.luvhive.core.delivery.internal.OutboxRow;
import org.luvhive.core.delivery.internal.SendOutcomes;
import org.luvhive.core.limits.Limit;
import org.luvhive.core.limits.LiveLimits;
import org.luvhive.core.limits.LocalRateLimiter;
import org.luvhive.core.limits.RateLimiter;
import org.luvhive.core.telegram.TelegramCallException;
import org.luvhive.core.telegram.TelegramGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * Drains the outbox to Telegram under three token buckets: the global budget (shared by
 * all instances through PostgreSQL), one per private chat and one per group (in
 * process). One dispatcher thread picks the next row of each chat in priority order
 * (relay, notice, broadcast), takes the tokens, claims the row, and hands the call to a
 * small pool; a chat waiting for tokens or paused by a FloodWait never holds up the
 * others. Rows of one chat go one at a time, in order. A claim is vouched for by the
 * sender's database session (an advisory lock on a dedicated connection): when an
 * instance dies, even by {@code kill -9}, the others send its claimed rows again within
 * seconds; the lease is the fallback for a session that lingers. Thread-safe.
 */
public final class OutboxSender implements AutoCloseable {

    public static final String SEND_TIME = "luvhive.telegram.send";
    public static final String FLOOD_WAITS = "luvhive.telegram.floodwait";
    public static final String PARKED = "luvhive.delivery.parked";
    public static final String BLOCKED = "luvhive.delivery.blocked";
    /** Outbox claims of dead senders (their session ended) queued again. */
    public static final String CLAIMS_FREED = "luvhive.delivery.claims.freed";
    /** How often the claims of dead senders are looked for. */
    private static final Duration ORPHAN_SWEEP = Duration.ofSeconds(1);
    /** How old an unvouched claim must be before it is freed: a live sender retakes a lost lock within a second. */
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final String GLOBAL_KEY = "global-sends";

    private final ObjectMapper mapper;
    private final Supplier<TelegramGateway> gateway;
    private final RateLimiter globalLimiter;
    private final LocalRateLimiter chatLimiter;
    private final LiveLimits limits;
    private final ChatPauses pauses;
    private final SendOutcomes outcomes;
    private final Clock clock;
    private final MeterRegistry registry;
    private final SenderSettings settings;
    private final DispatchPlan plan;
    private final ClaimStep claims;
    private final ClaimOwnerSession ownerSession;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final WakeSignal wake;
    private final ExecutorService workers;
    private final Thread dispatcher;
    private final AtomicBoolean replan = new AtomicBoolean();
    private volatile boolean running;

    /**
     * @param wake what the outbox raises when rows are queued; the dispatcher waits on it
     *             between passes
     */
    public OutboxSender(Jdbi jdbi, Supplier<Connection> sessions, ObjectMapper mapper,
                        Supplier<TelegramGateway> gateway, RateLimiter globalLimiter, LocalRateLimiter chatLimiter,
                        LiveLimits limits, DeliveryEvents events, ViolationsLog violations, WakeSignal wake, Clock clock,
                        MeterRegistry registry, SenderSettings settings) {
        this.mapper = mapper;
        this.wake = wake;
        this.gateway = gateway;
        this.globalLimiter = globalLimiter;
        this.chatLimiter = chatLimiter;
        this.limits = limits;
        this.pauses = new ChatPauses(settings.globalWindow());
        this.outcomes = new SendOutcomes(jdbi, events, pauses, violations, clock, registry, settings);
        this.clock = clock;
        this.registry = registry;
        this.settings = settings;
        this.plan = new DispatchPlan(jdbi);
        String owner = "session:" + UUID.randomUUID().toString().substring(0, 13);
        this.claims = new ClaimStep(jdbi, owner, settings.lease());
        this.ownerSession = new ClaimOwnerSession(sessions, owner, clock);
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.maxInFlight()), named("luvhive-send"));
        this.dispatcher = new Thread(this::run, "luvhive-outbox-dispatcher");
        this.dispatcher.setDaemon(true);
        limits.onChange(changed -> {
            chatLimiter.clear();
            replan.set(true); // chats waiting for tokens of the old limits: look again under the new ones
            wake.signal();
        });
    }

    /** Starts sending; a sender with {@code maxInFlight} 0 stays off (an instance that only receives). */
    public void start() {
        if (settings.maxInFlight() == 0) {
            LOG.info("Outbox sender disabled on this instance (maxInFlight 0)");
            return;
        }
        running = true;
        freeClaimsOfTheDead(clock.instant());
        claims.releaseExpiredLeases(clock.instant());
        dispatcher.start();
    }

    private void run() {
        Instant lastLeaseSweep = clock.instant();
        Instant lastOrphanSweep = clock.instant();
        while (running) {
            try {
                Instant now = clock.instant();
                if (Duration.between(lastOrphanSweep, now).compareTo(ORPHAN_SWEEP) >= 0) {
                    freeClaimsOfTheDead(now);
                    lastOrphanSweep = now;
                }
                if (Duration.between(lastLeaseSweep, now).compareTo(settings.lease()) > 0) {
                    claims.releaseExpiredLeases(now);
                    lastLeaseSweep = now;
                }
                Duration idle = dispatchOnce();
                if (!idle.isZero()) {
                    await(idle);
                }
            } catch (RuntimeException failure) {
                LOG.error("Outbox dispatcher failed; retrying in 1 s", failure);
                await(Duration.ofSeconds(1));
            }
        }
    }

    /** Queues again at once the rows claimed by senders whose database session ended (killed instances). */
    private void freeClaimsOfTheDead(Instant now) {
        int freed = claims.releaseOrphanedClaims(now, ORPHAN_GRACE);
        if (freed > 0) {
            registry.counter(CLAIMS_FREED).increment(freed);
            LOG.warn("Freed {} outbox claim(s) of a sender whose session ended; they are sent again", freed);
        }
    }

    /**
     * One pass: starts every call that may go now. Returns how long to wait before the
     * next pass (zero when it started something and should look again at once).
     */
    public Duration dispatchOnce() {
        if (replan.getAndSet(false)) {
            plan.forgetWaits();
        }
        if (!ownerSession.held()) {
            return Duration.ofSeconds(1); // a claim no live session vouches for would be freed under us
        }
        Instant now = clock.instant();
        Instant globalPause = pauses.globalPauseUntil();
        if (globalPause.isAfter(now)) {
            return Duration.between(now, globalPause);
        }
        Set<Long> skip = new HashSet<>(inFlight);
        skip.addAll(pauses.pausedChats(now));
        skip.addAll(plan.waiting(now));
        List<OutboxRow> rows = plan.due(now, skip);
        List<Candidate> candidates = new ArrayList<>();
        Duration wait = settings.idlePoll();
        Duration stop = null;
        for (OutboxRow row : rows) {
            if (inFlight.size() + candidates.size() >= settings.maxInFlight()) {
                stop = Duration.ofMillis(5);
                break;
            }
            if (!skip.add(row.chatId())) {
                continue; // one call per chat per pass, in order
            }
            boolean limited = MethodTypes.countsAgainstLimits(row.method());
            var chatLimit = row.chatId() < 0 ? limits.current().groupSends() : limits.current().privateChatSends();
            String chatKey = "chat:" + row.chatId();
            if (limited) {
                long chatWait = chatLimiter.tryAcquire(chatKey, chatLimit);
                if (chatWait > 0) {
                    plan.waitUntil(row.chatId(), now.plusNanos(chatWait));
                    continue;
                }
                long globalWait = globalLimiter.tryAcquire(GLOBAL_KEY, limits.current().globalSends());
                if (globalWait > 0) {
                    chatLimiter.release(chatKey, chatLimit);
                    stop = Duration.ofNanos(Math.min(globalWait, settings.idlePoll().toNanos()));
                    break;
                }
            }
            candidates.add(new Candidate(row, limited, chatKey, chatLimit));
        }
        int started = start(candidates, now);
        if (stop != null) {
            return stop;
        }
        if (started > 0) {
            return Duration.ZERO;
        }
        return plan.earliestWait().map(time -> Duration.between(now, time))
                .filter(until -> until.compareTo(wait) < 0 && !until.isNegative())
                .orElse(wait);
    }

    /**
     * Claims the pass's rows together (one round trip) and hands each claimed one to the
     * workers; a row not claimed gives its tokens back. Returns how many started.
     */
    private int start(List<Candidate> candidates, Instant now) {
        if (candidates.isEmpty()) {
            return 0;
        }
        Map<Long, ClaimStep.Result> results;
        try {
            results = claims.claimAll(candidates.stream().map(Candidate::row).toList(), now);
        } catch (RuntimeException failure) {
            candidates.forEach(this::giveBack);
            throw failure;
        }
        int started = 0;
        for (Candidate candidate : candidates) {
            OutboxRow row = candidate.row();
            ClaimStep.Result claim = results.getOrDefault(row.id(), ClaimStep.Result.GONE);
            if (claim != ClaimStep.Result.WAIT) {
                plan.taken(row);
            }
            if (claim != ClaimStep.Result.CLAIMED) {
                giveBack(candidate);
                if (claim == ClaimStep.Result.WAIT) {
                    plan.waitUntil(row.chatId(), now.plusMillis(100));
                }
                continue;
            }
            inFlight.add(row.chatId());
            workers.execute(() -> send(row));
            started++;
        }
        return started;
    }

    private void giveBack(Candidate candidate) {
        if (candidate.limited()) {
            chatLimiter.release(candidate.chatKey(), candidate.chatLimit());
            globalLimiter.release(GLOBAL_KEY, limits.current().globalSends());
        }
    }

    /** A due row whose tokens were taken in this pass, to be claimed with the others. */
    private record Candidate(OutboxRow row, boolean limited, String chatKey, Limit chatLimit) {
    }

    private void send(OutboxRow row) {
        try {
            BotApiMethod<?> method;
            try {
                method = mapper.readValue(row.payload(), MethodTypes.typeOf(row.method()));
            } catch (Exception unreadable) {
                outcomes.unreadable(row, unreadable);
                return;
            }
            Timer.Sample sample = Timer.start(registry);
            String outcome = "ok";
            Instant sentAt = clock.instant();
            try {
                Serializable result = gateway.get().execute(method);
                recordSent(row, result, sentAt);
            } catch (TelegramCallException failure) {
                outcome = failure.failure().name().toLowerCase(Locale.ROOT);
                outcomes.failed(row, failure, sentAt);
            } finally {
                sample.stop(registry.timer(SEND_TIME, "method", row.method(), "outcome", outcome));
            }
        } catch (RuntimeException unexpected) {
            LOG.error("Recording the outcome of message {} failed; its lease will expire and it is retried",
                    row.id(), unexpected);
        } finally {
            inFlight.remove(row.chatId());
            wake.signal();
        }
    }

    /**
     * Records a call Telegram accepted; while the database cannot be reached, again every
     * second for up to half the lease (unless stopping). A row whose claim was freed
     * meanwhile is still recorded if no other sender has claimed it since; one left
     * unrecorded is sent a second time.
     */
    private void recordSent(OutboxRow row, Serializable result, Instant sentAt) {
        long attemptsLeft = Math.max(1, settings.lease().toSeconds() / 2);
        while (true) {
            try {
                outcomes.sent(row, result, sentAt);
                return;
            } catch (RuntimeException unreachable) {
                if (--attemptsLeft <= 0 || !running) {
                    throw unreachable;
                }
                if (attemptsLeft == Math.max(1, settings.lease().toSeconds() / 2) - 1) {
                    LOG.warn("Message {} was sent but could not be recorded ({}); trying again every second",
                            row.id(), unreachable.getMessage());
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw unreachable;
                }
            }
        }
    }

    private void await(Duration duration) {
        try {
            wake.await(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** How many calls are in flight now. */
    public int inFlight() {
        return inFlight.size();
    }

    /**
     * Stops taking rows and waits up to {@code grace} for calls in flight to finish;
     * anything not sent stays in the outbox for the next start.
     */
    public void stop(Duration grace) {
        running = false;
        wake.signal();
        try {
            if (dispatcher.isAlive()) {
                dispatcher.join(grace.toMillis());
            }
            workers.shutdown();
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} calls still in flight after {} s; the other instances send their rows again",
                        inFlight.size(), grace.toSeconds());
                workers.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            ownerSession.close();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
