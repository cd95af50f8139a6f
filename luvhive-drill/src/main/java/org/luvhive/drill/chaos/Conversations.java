package org.luvhive.drill.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.drill.world.Users;
import org.luvhive.drill.world.Waits;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * Simulated users chatting in pairs through the bots: each pair met with {@code /find},
 * then each side writes a numbered text ({@code chaos 3.1 #17}: pair 3, side 1, its 17th)
 * every {@code period}, slower than the crisis profile lets a user write, so no limit drops
 * one by design. Every text the emulator shows a partner is written to the
 * {@link DeliveryLedger}. Thread-safe.
 */
final class Conversations implements AutoCloseable {

    private static final Pattern NUMBERED = Pattern.compile("chaos (\\d+)\\.(\\d) #(\\d+)");
    private static final String PARTNER_FOUND = "Partner found";

    private final List<SimulatedUser[]> pairs;
    private final DeliveryLedger ledger;
    private final int[][] written;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chaos-users");
        thread.setDaemon(true);
        return thread;
    });

    private Conversations(List<SimulatedUser[]> pairs, DeliveryLedger ledger) {
        this.pairs = pairs;
        this.ledger = ledger;
        this.written = new int[pairs.size()][2];
    }

    /**
     * {@code pairs} pairs of users who onboarded earlier meet one pair after the other (so
     * each finds the other), then write every {@code period}.
     */
    static Conversations start(EmulatedBot telegram, Jdbi jdbi, int pairs, Duration period, DeliveryLedger ledger) {
        List<SimulatedUser[]> met = new ArrayList<>();
        for (int index = 0; index < pairs; index++) {
            SimulatedUser first = Users.returning(telegram, jdbi, "Chaos" + (2 * index), "female", Duration.ZERO);
            SimulatedUser second = Users.returning(telegram, jdbi, "Chaos" + (2 * index + 1), "male", Duration.ZERO);
            first.sendCommand("find");
            second.sendCommand("find");
            first.awaitMessageContaining(PARTNER_FOUND, ChaosWorld.READY_WAIT);
            second.awaitMessageContaining(PARTNER_FOUND, ChaosWorld.READY_WAIT);
            Long partner = jdbi.withHandle(handle -> handle.createQuery(
                    "select partner_id from chat_members where active and user_id = :id")
                    .bind("id", first.id()).mapTo(Long.class).findOne().orElse(null));
            if (partner == null || partner != second.id()) {
                throw new IllegalStateException(first.firstName() + " did not meet " + second.firstName());
            }
            met.add(new SimulatedUser[] {first, second});
        }
        Conversations conversations = new Conversations(met, ledger);
        telegram.onNewMessage(conversations::seen);
        long step = period.toMillis() / (2L * pairs);
        for (int index = 0; index < pairs; index++) {
            for (int side = 0; side < 2; side++) {
                int pair = index;
                int from = side;
                conversations.writer.scheduleAtFixedRate(() -> conversations.write(pair, from),
                        step * (2L * index + side), period.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return conversations;
    }

    private void write(int pair, int side) {
        try {
            int number = ++written[pair][side];
            String text = "chaos " + pair + "." + side + " #" + number;
            ledger.sent(pair + "." + side, number, Instant.now());
            pairs.get(pair)[side].sendText(text);
        } catch (RuntimeException | Error stopped) {
            failure.compareAndSet(null, stopped);
            throw stopped;
        }
    }

    /** On the emulator's storing thread: a numbered text shown to its partner. */
    private void seen(ChatMessage message) {
        if (!message.fromBot() || !message.hasText()) {
            return;
        }
        Matcher numbered = NUMBERED.matcher(message.text());
        if (!numbered.find()) {
            return;
        }
        int pair = Integer.parseInt(numbered.group(1));
        int side = Integer.parseInt(numbered.group(2));
        if (pair < pairs.size() && message.chatId() == pairs.get(pair)[1 - side].id()) {
            ledger.delivered(pair + "." + side, Integer.parseInt(numbered.group(3)), Instant.now());
        }
    }

    /** Stops writing (a text under way is finished); fails if a user could not write. */
    void stop() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the users did not stop writing within 30 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted stopping the users", interrupted);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a user could not write: " + failure.get().getMessage(), failure.get());
        }
    }

    /** Waits until every text written before now reached its partner, or {@code atMost} passed. */
    boolean awaitCaughtUp(Duration atMost) {
        Instant now = Instant.now();
        try {
            Waits.until("every text written reached its partner", atMost, () -> ledger.allDeliveredSentBefore(now));
            return true;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    List<SimulatedUser> users() {
        return pairs.stream().flatMap(pair -> List.of(pair).stream()).toList();
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
