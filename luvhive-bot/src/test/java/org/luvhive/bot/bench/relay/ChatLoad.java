package org.luvhive.bot.bench.relay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * The simulated users' side: sends numbered messages (as the users, through the emulator)
 * and hears their copies arrive. User {@code i} chats with user {@code i ^ 1}. One thread
 * sends, so each user's messages leave in order. Not thread-safe for sending; arrivals
 * may come on any thread.
 */
final class ChatLoad implements Consumer<ChatMessage> {

    private final List<SimulatedUser> users;
    private final Map<Integer, PhaseLog> phases = new ConcurrentHashMap<>();
    private final AtomicLong otherBotMessages = new AtomicLong();
    private int next;

    ChatLoad(List<SimulatedUser> users) {
        this.users = users;
    }

    PhaseLog phase(String name) {
        PhaseLog log = new PhaseLog(phases.size() + 1, name);
        phases.put(log.id(), log);
        return log;
    }

    /** Every user sends {@code perUser} messages, as fast as the emulator takes them. */
    void burst(PhaseLog log, int perUser) {
        for (int round = 0; round < perUser; round++) {
            for (int index = 0; index < users.size(); index++) {
                send(log, index);
            }
        }
    }

    /**
     * Open loop: message {@code k} is due {@code k / rate} seconds after the start, whatever
     * the bot does; a late sender catches up rather than slowing down. Senders take turns,
     * so every chat gets an equal share.
     */
    void steady(PhaseLog log, int ratePerSecond, Duration duration) {
        steady(log, ratePerSecond, duration, 0);
    }

    /** As {@link #steady(PhaseLog, int, Duration)}, with the users from {@code firstUser} on taking turns. */
    void steady(PhaseLog log, int ratePerSecond, Duration duration, int firstUser) {
        long total = ratePerSecond * duration.toSeconds();
        long start = System.nanoTime();
        next = Math.max(next, firstUser);
        for (long sent = 0; sent < total; sent++) {
            long due = start + sent * 1_000_000_000L / ratePerSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(log, next);
            next = next + 1 == users.size() ? firstUser : next + 1;
        }
    }

    /**
     * User {@code userIndex} sends {@code count} messages as fast as the emulator takes
     * them, numbered apart from every phase's ({@code f<n>}): the bot refuses what exceeds
     * the user's burst, and paces the copies into one chat at one a second.
     */
    void flood(int userIndex, int count) {
        SimulatedUser flooder = users.get(userIndex);
        for (int sent = 0; sent < count; sent++) {
            flooder.sendText("f" + sent);
        }
    }

    /** {@code count} messages, the users taking turns, as fast as the emulator takes them. */
    void queue(PhaseLog log, int count) {
        for (int sent = 0; sent < count; sent++) {
            send(log, next);
            next = (next + 1) % users.size();
        }
    }

    /** As {@link #steady}, until {@code done} says so. */
    void steadyUntil(PhaseLog log, int ratePerSecond, BooleanSupplier done) {
        long start = System.nanoTime();
        for (long sent = 0; !done.getAsBoolean(); sent++) {
            long wait = start + sent * 1_000_000_000L / ratePerSecond - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(log, next);
            next = (next + 1) % users.size();
        }
    }

    /** Bot messages that were no relayed copy (welcome notices and the like). */
    long otherBotMessages() {
        return otherBotMessages.get();
    }

    private void send(PhaseLog log, int userIndex) {
        int number = log.begin(userIndex, System.nanoTime());
        ChatMessage message = users.get(userIndex).sendText("b" + log.id() + "-" + number);
        log.stored(number, message.messageId());
    }

    /** A copy reached a chat: {@code b<phase>-<n>} from the bot. */
    @Override
    public void accept(ChatMessage message) {
        if (!message.fromBot() || !message.hasText()) {
            return;
        }
        long now = System.nanoTime();
        String text = message.text();
        int dash = text.indexOf('-');
        if (!text.startsWith("b") || dash < 2) {
            otherBotMessages.incrementAndGet();
            return;
        }
        try {
            PhaseLog log = phases.get(Integer.parseInt(text, 1, dash, 10));
            if (log != null) {
                log.arrived(Integer.parseInt(text, dash + 1, text.length(), 10), message.chatId(), now);
            }
        } catch (NumberFormatException notOurs) {
            otherBotMessages.incrementAndGet(); // a notice that happens to start with b
        }
    }
}
