package org.luvhive.bot.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * The bot's HTTP server: Undertow, one server per {@link HttpListener} on one shared pair
 * of non-blocking I/O threads. The I/O threads read requests as bytes arrive, so a client
 * trickling bytes costs a connection, never a thread; {@link HttpLimits} bound how long
 * headers, bodies and idle connections may take and how many requests wait. Built
 * unstarted; {@link #start()} binds. Thread-safe.
 */
public final class BotHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotHttpServer.class);
    private static final int IO_THREADS = 2;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final List<HttpListener> listeners;
    private final List<Undertow> servers = new ArrayList<>();
    private XnioWorker worker;

    public BotHttpServer(List<HttpListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Binds every listener, or none: a port that cannot be had stops the ones already bound. */
    public synchronized void start() {
        if (worker != null) {
            throw new IllegalStateException("already started");
        }
        try {
            worker = Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
                    .set(Options.WORKER_NAME, "luvhive-http")
                    .set(Options.WORKER_IO_THREADS, IO_THREADS)
                    // Undertow's own task threads stay idle: the listeners' pools run the handlers
                    .set(Options.WORKER_TASK_CORE_THREADS, 1)
                    .set(Options.WORKER_TASK_MAX_THREADS, 1)
                    .set(Options.TCP_NODELAY, true)
                    .getMap());
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start the HTTP server's I/O threads: " + failure.getMessage(), failure);
        }
        for (HttpListener listener : listeners) {
            Undertow server = undertow(listener);
            try {
                server.start();
            } catch (RuntimeException failure) {
                stop();
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                throw new UncheckedIOException("cannot listen on " + listener.address() + " (" + listener.name()
                        + " HTTP): " + cause.getMessage(), cause instanceof IOException io ? io : new IOException(cause));
            }
            servers.add(server);
        }
        LOG.info("HTTP: {}", listeners.stream().map(listener -> listener.describe(port(listener.name())))
                .collect(Collectors.joining("; ")));
    }

    private Undertow undertow(HttpListener listener) {
        HttpLimits limits = listener.limits();
        return Undertow.builder()
                .setWorker(worker)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) limits.headerTimeout().toMillis())
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, (int) limits.idleTimeout().toMillis())
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                .addHttpListener(listener.address().port(), listener.address().address().getHostAddress(),
                        listener.rootHandler())
                .build();
    }

    /** The port a listener is bound to (the configured one, or the one picked for port 0). */
    public int port(String listenerName) {
        for (int index = 0; index < servers.size(); index++) {
            if (listeners.get(index).name().equals(listenerName)) {
                return ((InetSocketAddress) servers.get(index).getListenerInfo().get(0).getAddress()).getPort();
            }
        }
        throw new IllegalArgumentException("no started listener named " + listenerName);
    }

    /**
     * Stops accepting, lets requests under way finish (up to 5 s), then closes every
     * connection.
     */
    @Override
    public synchronized void close() {
        stop();
    }

    private void stop() {
        servers.forEach(Undertow::stop);
        listeners.forEach(listener -> listener.close(CLOSE_GRACE));
        servers.clear();
        if (worker != null) {
            worker.shutdown();
            try {
                worker.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
