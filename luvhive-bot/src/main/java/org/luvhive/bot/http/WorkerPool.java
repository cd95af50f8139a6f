package org.luvhive.bot.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run one listener's handlers, with a bounded queue in front: when every
 * worker is busy and the queue is full a request is answered 503 at once instead of
 * piling up. Only complete requests get here; slow clients never occupy a worker.
 * Thread-safe.
 */
final class WorkerPool {

    static final String QUEUED = "luvhive.http.queued";
    static final String REJECTED = "luvhive.http.rejected";

    private final ThreadPoolExecutor executor;
    private final Counter rejected;

    WorkerPool(String listener, HttpLimits limits, MeterRegistry registry) {
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(limits.workerThreads(), limits.workerThreads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queueCapacity()), runnable -> {
                    Thread thread = new Thread(runnable, "luvhive-http-" + listener + "-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true); // no idle threads before the first request
        this.rejected = Counter.builder(REJECTED).tag("listener", listener)
                .description("HTTP requests answered 503 because every worker was busy and the queue full")
                .register(registry);
        Gauge.builder(QUEUED, executor, pool -> pool.getQueue().size()).tag("listener", listener)
                .description("complete HTTP requests waiting for a worker").register(registry);
    }

    /**
     * Runs {@code handler} on a worker once the current call on the I/O thread returns,
     * or answers 503 when there is no room.
     */
    void dispatch(HttpServerExchange exchange, HttpHandler handler) {
        exchange.dispatch(task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException full) {
                rejected.increment();
                Responses.busy(exchange);
            }
        }, handler);
    }

    /** Takes no more requests and waits up to {@code grace} for the ones under way. */
    void close(Duration grace) {
        executor.shutdown();
        try {
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
