package org.luvhive.bot.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.luvhive.testkit.net.TricklingClient;

/** One listener's server under test and the slow clients sent at it; {@link #close()} ends them all. */
final class ServerFixture implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    private final List<TricklingClient> clients = new ArrayList<>();
    private BotHttpServer server;

    /** Starts a server with this one listener; returns its port. */
    int start(HttpListener listener) {
        server = new BotHttpServer(List.of(listener));
        server.start();
        return server.port(listener.name());
    }

    /** A slow client, trickling on this fixture's scheduler. */
    TricklingClient client(Function<ScheduledExecutorService, TricklingClient> opening) {
        TricklingClient client = opening.apply(scheduler);
        clients.add(client);
        return client;
    }

    List<TricklingClient> clients() {
        return clients;
    }

    @Override
    public void close() {
        clients.forEach(TricklingClient::close);
        scheduler.shutdownNow();
        if (server != null) {
            server.close();
        }
    }
}
