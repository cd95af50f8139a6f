package org.luvhive.bot.maintenance;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.luvhive.core.Maintenance;
import org.luvhive.core.telegram.TelegramGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * Runs periodic jobs (retention, gauges, the features' own) on one thread, and the
 * start-up calls that only decorate the bot (command menu): those are retried every
 * minute until Telegram takes them, and never stop the bot. Thread-safe.
 */
public final class MaintenanceScheduler implements AutoCloseable {

    public static final String RUNS = "luvhive.maintenance.runs";
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceScheduler.class);
    private static final Duration STARTUP_RETRY = Duration.ofMinutes(1);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "luvhive-maintenance");
        thread.setDaemon(true);
        return thread;
    });
    private final MeterRegistry registry;

    public MaintenanceScheduler(MeterRegistry registry) {
        this.registry = registry;
    }

    public void every(Maintenance job) {
        executor.scheduleWithFixedDelay(() -> run(job), job.every().toMillis(), job.every().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void run(Maintenance job) {
        try {
            job.task().run();
            registry.counter(RUNS, "job", job.name(), "outcome", "ok").increment();
        } catch (RuntimeException failure) {
            registry.counter(RUNS, "job", job.name(), "outcome", "error").increment();
            LOG.error("Maintenance job {} failed; it runs again in {} s", job.name(), job.every().toSeconds(), failure);
        }
    }

    /** Makes a decorating call now, and again every minute until it succeeds. */
    public void startupCall(Supplier<TelegramGateway> gateway, BotApiMethod<?> call) {
        startupCall(call.getMethod(), gateway, current -> current.execute(call));
    }

    /** Makes a start-up call now, and again every minute until it succeeds; never fatal. */
    public void startupCall(String name, Supplier<TelegramGateway> gateway,
                            Consumer<TelegramGateway> call) {
        executor.execute(() -> tryStartupCall(name, gateway, call));
    }

    private void tryStartupCall(String name, Supplier<TelegramGateway> gateway,
                                Consumer<TelegramGateway> call) {
        try {
            call.accept(gateway.get());
            LOG.info("Start-up call {} done", name);
        } catch (RuntimeException failure) {
            LOG.warn("Start-up call {} failed ({}); retrying in {} s", name, failure.getMessage(),
                    STARTUP_RETRY.toSeconds());
            executor.schedule(() -> tryStartupCall(name, gateway, call), STARTUP_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
