package org.luvhive.cli.mode;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * Users writing to the echo bot without pause: each round every user sends one text, and
 * the next round starts once all of them were echoed. So traffic is always in flight, at
 * the pace the bot answers (never faster than its per-chat limit), with no sleeping.
 */
final class EchoTraffic implements AutoCloseable {

    private static final Duration ECHO_WAIT = Duration.ofSeconds(30);

    private final List<SimulatedUser> users;
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    EchoTraffic(List<SimulatedUser> users) {
        this.users = List.copyOf(users);
        this.thread = new Thread(this::run, "echo-traffic");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        int index = 0;
        try {
            while (running.get()) {
                List<String> texts = new ArrayList<>();
                for (SimulatedUser user : users) {
                    String text = "m" + index++;
                    user.sendText(text);
                    sent.add(user.id() + ":" + text);
                    texts.add("echo: " + text);
                }
                for (int position = 0; position < users.size(); position++) {
                    String echo = texts.get(position);
                    users.get(position).awaitMessage(message -> echo.equals(message.text()), ECHO_WAIT);
                }
                rounds.incrementAndGet();
            }
        } catch (RuntimeException | Error stopped) {
            failure.set(stopped);
        }
    }

    /** Waits until {@code more} further rounds were sent and echoed. */
    void awaitRounds(int more) {
        int target = rounds.get() + more;
        await().atMost(ECHO_WAIT.multipliedBy(2)).until(() -> {
            if (failure.get() != null) {
                throw new AssertionError("the traffic stopped: " + failure.get().getMessage(), failure.get());
            }
            return rounds.get() >= target;
        });
    }

    /** {@code userId:text} of every message sent, in order. */
    List<String> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    List<String> sentBy(SimulatedUser user) {
        return sent().stream().filter(entry -> entry.startsWith(user.id() + ":")).toList();
    }

    /** Stops after the round in flight, every message of which was echoed. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(ECHO_WAIT.multipliedBy(2).toMillis());
        if (failure.get() != null) {
            throw new AssertionError("the traffic stopped: " + failure.get().getMessage(), failure.get());
        }
    }
}
