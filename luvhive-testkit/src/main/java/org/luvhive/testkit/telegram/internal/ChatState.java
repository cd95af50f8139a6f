package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.luvhive.testkit.telegram.ChatMessage;

/**
 * One chat as one bot sees it: its messages (user's and bot's share one increasing id
 * sequence), whether the user blocked the bot, group members. Thread-safe: all state is
 * guarded by this object's monitor, which waiters on new messages also use.
 */
public final class ChatState {
    private final long id;
    private final ObjectNode chatJson;
    private final ObjectNode userJson;
    private final Map<Integer, StoredMessage> messages = new LinkedHashMap<>();
    private final Set<Long> members = new LinkedHashSet<>();
    private final ChatEvents events;
    private int nextMessageId = 1;
    private boolean blocked;
    private boolean started;

    /** {@code userJson} is the private chat's user, null for groups; {@code events} hears every change. */
    public ChatState(long id, ObjectNode chatJson, ObjectNode userJson, ChatEvents events) {
        this.id = id;
        this.chatJson = chatJson;
        this.userJson = userJson;
        this.events = events;
    }

    public long id() {
        return id;
    }

    public boolean isPrivate() {
        return userJson != null;
    }

    /** A fresh copy of the Chat object. */
    public ObjectNode chatJson() {
        return chatJson.deepCopy();
    }

    /** A fresh copy of the private chat's User object. */
    public ObjectNode userJson() {
        return userJson == null ? null : userJson.deepCopy();
    }

    /** Stores a new message; {@code build} gets the message id and returns the message. */
    public synchronized StoredMessage append(IntFunction<StoredMessage> build) {
        int messageId = nextMessageId++;
        StoredMessage message = build.apply(messageId);
        messages.put(messageId, message);
        events.messageAdded(message);
        changed(message);
        return message;
    }

    /** A message that exists and is not deleted. */
    public synchronized Optional<StoredMessage> find(long messageId) {
        StoredMessage message = messageId > Integer.MAX_VALUE ? null : messages.get((int) messageId);
        return message == null || message.deleted ? Optional.empty() : Optional.of(message);
    }

    /** Runs {@code change} on a message under the lock and wakes waiters. */
    public synchronized <T> T modify(StoredMessage message, Function<StoredMessage, T> change) {
        T result = change.apply(message);
        changed(message);
        return result;
    }

    private void changed(StoredMessage message) {
        message.version = events.nextVersion();
        events.messageChanged(id, message);
        notifyAll();
    }

    /** Every message that is not deleted, with its version, for a watcher's snapshot. */
    public synchronized List<ObjectNode> entries() {
        List<ObjectNode> result = new ArrayList<>();
        for (StoredMessage message : messages.values()) {
            if (!message.deleted) {
                result.add(events.messageJson(message.snapshot(), message.version));
            }
        }
        return result;
    }

    public synchronized ChatMessage snapshot(StoredMessage message) {
        return message.snapshot();
    }

    public synchronized List<ChatMessage> messages(boolean botOnly) {
        List<ChatMessage> result = new ArrayList<>();
        for (StoredMessage message : messages.values()) {
            if (!message.deleted && (!botOnly || message.fromBot)) {
                result.add(message.snapshot());
            }
        }
        return result;
    }

    /**
     * Waits for the first bot message after {@code afterMessageId} that matches, in real time.
     * Returns empty on timeout.
     */
    public synchronized Optional<ChatMessage> awaitBotMessage(int afterMessageId, Predicate<ChatMessage> predicate,
                                                              Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (StoredMessage message : messages.values()) {
                if (message.fromBot && !message.deleted && message.messageId() > afterMessageId) {
                    ChatMessage snapshot = message.snapshot();
                    if (predicate.test(snapshot)) {
                        return Optional.of(snapshot);
                    }
                }
            }
            long remainingNanos = deadline - System.nanoTime();
            if (remainingNanos <= 0) {
                return Optional.empty();
            }
            long millis = Math.max(1, remainingNanos / 1_000_000);
            wait(millis);
        }
    }

    public synchronized boolean isBlocked() {
        return blocked;
    }

    public synchronized void setBlocked(boolean blocked) {
        this.blocked = blocked;
    }

    /** Whether the user ever wrote to the bot (a bot cannot start a private conversation). */
    public synchronized boolean isStarted() {
        return started || !isPrivate();
    }

    public synchronized void markStarted() {
        started = true;
    }

    public synchronized void addMember(long userId) {
        members.add(userId);
    }

    public synchronized boolean hasMember(long userId) {
        return members.contains(userId);
    }
}
