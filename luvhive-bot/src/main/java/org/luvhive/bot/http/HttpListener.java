package org.luvhive.bot.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.server.HttpHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luvhive.core.config.ListenAddress;

/**
 * One port of the bot's HTTP server: where it binds, its {@link HttpLimits}, its worker
 * pool and its routes. A path no route takes is answered 404. Routes are added before
 * the server starts; not thread-safe until then.
 */
public final class HttpListener {

    private final String name;
    private final ListenAddress address;
    private final HttpLimits limits;
    private final WorkerPool pool;
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
    private String suffix;
    private HttpHandler suffixHandler;

    /**
     * @param name    {@code public} or {@code management}: in logs, thread names and the metrics' {@code listener} tag
     * @param address where to bind
     */
    public HttpListener(String name, ListenAddress address, HttpLimits limits, MeterRegistry registry) {
        this.name = name;
        this.address = address;
        this.limits = limits;
        this.pool = new WorkerPool(name, limits, registry);
    }

    /**
     * {@code path} exactly, handled on a worker thread (the handler may block briefly). It
     * reads no body: a request that sends one gets its answer and its connection closed.
     */
    public HttpListener route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /**
     * Every path ending in {@code pathSuffix} (whatever prefix a proxy adds), handled on
     * the I/O thread: the handler must not block, it reads the body asynchronously and
     * hands the rest to {@link #pool()}.
     */
    HttpListener suffixRoute(String pathSuffix, HttpHandler handler) {
        this.suffix = pathSuffix;
        this.suffixHandler = handler;
        return this;
    }

    String name() {
        return name;
    }

    ListenAddress address() {
        return address;
    }

    HttpLimits limits() {
        return limits;
    }

    WorkerPool pool() {
        return pool;
    }

    /** What the listener serves where, for the start-up log line. */
    String describe(int boundPort) {
        List<String> paths = new ArrayList<>(routes.keySet());
        if (suffix != null) {
            paths.add("*" + suffix);
        }
        return name + " on " + new ListenAddress(address.address(), boundPort) + " " + paths;
    }

    /** The handler Undertow calls on its I/O thread for each request. */
    HttpHandler rootHandler() {
        Map<String, HttpHandler> exact = Map.copyOf(routes);
        String pathSuffix = suffix;
        HttpHandler onSuffix = suffixHandler;
        return exchange -> {
            String path = exchange.getRequestPath();
            HttpHandler handler = exact.get(path);
            if (handler != null) {
                if (!exchange.isRequestComplete()) {
                    // these routes read no body: close after the answer rather than wait for one to trickle in
                    exchange.setPersistent(false);
                }
                pool.dispatch(exchange, handler);
            } else if (pathSuffix != null && path.endsWith(pathSuffix)) {
                onSuffix.handleRequest(exchange);
            } else {
                Responses.notFound(exchange);
            }
        };
    }

    void close(Duration grace) {
        pool.close(grace);
    }
}
