package org.luvhive.testkit.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A slowloris as the tools run it: {@code connections} connections to a port, each
 * trickling an endless header a byte every {@code every}, and each one the server cuts
 * off replaced at once, so the attack keeps its strength for as long as it runs.
 */
public final class Slowloris implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "slowloris");
        thread.setDaemon(true);
        return thread;
    });
    private final List<TricklingClient> clients = new ArrayList<>();
    private final int port;
    private final String path;
    private final Duration every;
    private int replaced;

    public Slowloris(int port, String path, int connections, Duration every) {
        this.port = port;
        this.path = path;
        this.every = every;
        synchronized (this) {
            for (int index = 0; index < connections; index++) {
                clients.add(TricklingClient.slowHeaders(scheduler, port, path, every));
            }
        }
        scheduler.scheduleWithFixedDelay(this::replaceClosed, 50, 50, TimeUnit.MILLISECONDS);
    }

    private synchronized void replaceClosed() {
        for (int index = 0; index < clients.size(); index++) {
            if (clients.get(index).closedByServer()) {
                clients.get(index).close();
                clients.set(index, TricklingClient.slowHeaders(scheduler, port, path, every));
                replaced++;
            }
        }
    }

    /** How many of its connections the server has not cut off (yet). */
    public synchronized long open() {
        return clients.stream().filter(client -> !client.closedByServer()).count();
    }

    /** How many connections the server cut off and were replaced. */
    public synchronized int replaced() {
        return replaced;
    }

    @Override
    public synchronized void close() {
        scheduler.shutdownNow();
        clients.forEach(TricklingClient::close);
    }
}
