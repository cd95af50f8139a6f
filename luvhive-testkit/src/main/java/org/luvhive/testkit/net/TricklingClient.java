package org.luvhive.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A slow HTTP client over a raw socket: it sends the start of a request, then one more
 * byte every {@code every}, for ever (a slowloris when it trickles headers, a slow POST
 * when it trickles a body). Tells whether the server has closed the connection.
 */
public final class TricklingClient implements AutoCloseable {

    private final Socket socket;
    private final AtomicBoolean writeFailed = new AtomicBoolean();
    private final ScheduledFuture<?> trickle;
    private volatile boolean closedByServer;

    private TricklingClient(ScheduledExecutorService scheduler, int port, String opening, Duration every) {
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(1);
            OutputStream output = socket.getOutputStream();
            output.write(opening.getBytes(StandardCharsets.US_ASCII));
            output.flush();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        trickle = scheduler.scheduleAtFixedRate(() -> {
            try {
                socket.getOutputStream().write('a');
                socket.getOutputStream().flush();
            } catch (IOException closed) {
                writeFailed.set(true);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Headers that never end: a request line, then {@code X-Slow: aaaa...} a byte at a time. */
    public static TricklingClient slowHeaders(ScheduledExecutorService scheduler, int port, String path,
                                              Duration every) {
        return new TricklingClient(scheduler, port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ",
                every);
    }

    /** Complete headers announcing {@code declared} bytes of body, then the body a byte at a time. */
    public static TricklingClient slowBody(ScheduledExecutorService scheduler, int port, String path,
                                           String extraHeaders, int declared, Duration every) {
        return new TricklingClient(scheduler, port, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + declared + "\r\n" + extraHeaders + "\r\n{",
                every);
    }

    /** A connection that sends nothing at all. */
    public static TricklingClient silent(ScheduledExecutorService scheduler, int port) {
        return new TricklingClient(scheduler, port, "", Duration.ofDays(1));
    }

    /**
     * Whether the server closed the connection (end of stream, a reset, or a write that
     * failed). Anything the server sent instead counts as not closed.
     */
    public boolean closedByServer() {
        if (closedByServer || writeFailed.get()) {
            return true;
        }
        try {
            InputStream input = socket.getInputStream();
            byte[] answer = new byte[4096];
            int read;
            do {
                read = input.read(answer); // an answer is read past, up to the end of the stream
            } while (read > 0);
            closedByServer = read == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            closedByServer = true;
        }
        return closedByServer;
    }

    @Override
    public void close() {
        trickle.cancel(false);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test connection
        }
    }
}
