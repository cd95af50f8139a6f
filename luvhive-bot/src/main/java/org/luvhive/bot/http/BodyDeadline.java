package org.luvhive.bot.http;

import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * A request body must be complete by a deadline, or its connection is closed: a client
 * that trickles a body holds a connection for at most that long (and never a thread).
 * Whichever comes first, the body or the deadline, wins; the other finds it settled.
 * Thread-safe.
 */
final class BodyDeadline {

    private final AtomicBoolean settled = new AtomicBoolean();
    private final XnioExecutor.Key timer;

    private BodyDeadline(HttpServerExchange exchange, Duration timeout, Runnable onTimeout) {
        this.timer = exchange.getIoThread().executeAfter(() -> {
            if (settled.compareAndSet(false, true)) {
                onTimeout.run();
                IoUtils.safeClose(exchange.getConnection());
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static BodyDeadline arm(HttpServerExchange exchange, Duration timeout, Runnable onTimeout) {
        return new BodyDeadline(exchange, timeout, onTimeout);
    }

    /** The body came in (or failed) before the deadline: true, and the timer is cancelled; false when too late. */
    boolean disarm() {
        if (settled.compareAndSet(false, true)) {
            timer.remove();
            return true;
        }
        return false;
    }
}
