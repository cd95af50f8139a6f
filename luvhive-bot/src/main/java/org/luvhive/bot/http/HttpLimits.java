package org.luvhive.bot.http;

import java.time.Duration;

/**
 * How one listener treats slow and numerous clients. A client never holds a worker thread
 * while it sends: headers and bodies are read by the I/O threads without blocking, and a
 * worker runs only once a request is complete.
 *
 * @param headerTimeout  the request line and headers must be complete this long after their first byte
 *                       (a slowloris trickling a byte a second is cut off here)
 * @param bodyTimeout    a body must be complete this long after the headers (on routes that read one: the webhook)
 * @param idleTimeout    a connection with no request under way is closed after this
 * @param workerThreads  handlers running at once
 * @param queueCapacity  complete requests waiting for a worker; one more is answered 503 at once
 */
public record HttpLimits(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, int workerThreads,
                         int queueCapacity) {

    /**
     * The webhook's port. Telegram opens at most 40 connections at once (the
     * max_connections the bot sets with the webhook), so 16 workers and 64 waiting never
     * turn it away; each request is one insert. Its servers send a whole update at once: 10 s for headers and
     * 30 s for at most 1 MiB of body are far beyond what it needs.
     */
    public static final HttpLimits PUBLIC = new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(30), 16, 64);

    /** The operators' port: a few probes and one Prometheus scrape at a time. */
    public static final HttpLimits MANAGEMENT = new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(30), 4, 32);

    public HttpLimits {
        requirePositive(headerTimeout, "headerTimeout");
        requirePositive(bodyTimeout, "bodyTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        if (workerThreads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("workerThreads and queueCapacity must be at least 1");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be positive and under 24 days, not " + duration);
        }
    }

    public HttpLimits withTimeouts(Duration header, Duration body, Duration idle) {
        return new HttpLimits(header, body, idle, workerThreads, queueCapacity);
    }

    public HttpLimits withCapacity(int threads, int queue) {
        return new HttpLimits(headerTimeout, bodyTimeout, idleTimeout, threads, queue);
    }
}
